import type { messagingApi, webhook } from "@line/bot-sdk";
import {
  converse,
  textMessage,
  decodePostback,
  erasedMessage,
  eventToInput,
  MY_DATA_LIMIT,
  MY_REPORTS_LIMIT,
  myDataMessage,
  myReportsMessage,
  type BotInput,
  type Command,
} from "@sa/bot";
import {
  areaOfSharedLocation,
  languageFromLine,
  newTicketCode,
  translator,
  type AreaDirectory,
  type Language,
  type UrgentChange,
} from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { applyUrgentChanges } from "../cases/urgent-intake";
import type { LinePlatform } from "../line/line-platform";
import { reportPhotoPath, type PhotoStore } from "../photos/photo-store";
import { markProcessed, wasProcessed, wasProcessedIn } from "../repositories/processed-events";
import { eraseReporter, eraseReporterIn, type Erasure } from "../repositories/erasure";
import { readRecentReportsIn, recordReportIn } from "../repositories/rate-limits";
import { createReport, listReportsOf } from "../repositories/reports";
import { readSession, readSessionStateIn, writeSession } from "../repositories/sessions";
import { readUserIn, saveUser, userExists } from "../repositories/users";
import { CASE_ACTIONS, handleCasePostback } from "./case-postbacks";

export interface WebhookDeps {
  db: Firestore;
  line: LinePlatform;
  photos: PhotoStore;
  /**
   * The address directory, loaded on first use: only a typed place or a shared location needs
   * it, and loading it (most of a second on a small instance) would delay every cold start.
   */
  areas: () => Promise<AreaDirectory>;
  now: () => Date;
  log: (message: string, fields?: Record<string, unknown>) => void;
  /** Where case links in staff pushes open. */
  liffBaseUrl: string;
}

/** What flows see for inputs that name no place: the conversation looks places up only in text. */
const NO_DIRECTORY: AreaDirectory = {
  find: () => refuse(),
  fromPostalAddress: () => refuse(),
  byCode: () => refuse(),
  fromPoint: () => refuse(),
};
function refuse(): never {
  throw new Error("the address directory is loaded for typed places and shared locations only");
}

/**
 * Handles one webhook event exactly once. Everything the conversation decides (new session,
 * new report, processed marker) is written in one transaction keyed by `webhookEventId`, so
 * a redelivered or repeated event changes nothing and sends nothing, and two events of one
 * user at once are serialised on the user's session document. Replies go out after commit.
 */
export async function handleEvent(deps: WebhookDeps, event: webhook.Event): Promise<void> {
  const { db, log } = deps;
  const input = eventToInput(event);
  const userId = event.source?.type === "user" ? event.source.userId : undefined;
  if (!input || !userId) {
    log("event skipped", { type: event.type, webhookEventId: event.webhookEventId });
    return;
  }
  const eventId = event.webhookEventId;
  // Taps on pushes about a case act on the case, not on the conversation; the timeline entry
  // keyed by this event id is their once-only marker.
  const postback = input.kind === "postback" ? decodePostback(input.data) : undefined;
  const caseAction = postback !== undefined && CASE_ACTIONS.has(postback.action);
  // Both reads at once: every reply waits for them, and one round trip is half of two.
  const [processed, known] = await Promise.all([
    wasProcessed(db, eventId),
    caseAction || userExists(db, userId),
  ]);
  if (processed) {
    log("duplicate event skipped", { webhookEventId: eventId });
    return;
  }

  if (postback && caseAction) {
    // Only "ticket" or "ticket:score" as our pushes send them: anything else (tampered, "../x",
    // empty) would name a document path; it is not from us, so it is skipped without a word.
    if (!/^[0-9A-Za-z-]{1,40}(?::\d{1,2})?$/.test(postback.value ?? "")) {
      log("case postback refused", { webhookEventId: eventId, action: postback.action });
      return;
    }
    const replies = await handleCasePostback(db, postback, userId, eventId, deps.now());
    await sendReplies(deps, event, eventId, replies);
    return;
  }

  // Work with the network happens before the transaction, which may run more than once.
  const firstContact = !known;
  const guessedLanguage = firstContact ? await profileLanguage(deps, userId) : "th";
  const prepared = await prepareInput(deps, userId, input);
  const areas = prepared.kind === "text" ? await deps.areas() : NO_DIRECTORY;

  const outcome = await db.runTransaction(async tx => {
    // One after another: read together, two transactions of one user (photos sent at once)
    // can each hold a document the other waits for, and the emulator's locks then stall both.
    if (await wasProcessedIn(tx, db, eventId)) return undefined;
    const { session, unreadable } = await readSessionStateIn(tx, db, userId);
    const user = await readUserIn(tx, db, userId);
    const recentReports = await readRecentReportsIn(tx, db, userId, deps.now());
    const language = user?.language ?? guessedLanguage;
    const result = converse(session, prepared, {
      now: deps.now(),
      userId,
      language,
      t: translator(language),
      tFor: translator,
      areas,
      newTicket: () => newTicketCode(deps.now()),
      recentReports,
    });
    // The erase reads and writes first: it is the only data-changing command of its step.
    if (result.commands.some(command => command.type === "eraseMyData")) {
      const erasure = await eraseReporterIn(tx, db, userId, deps.now());
      markProcessed(tx, db, eventId, deps.now());
      return { result, language, erasure, unreadable: undefined };
    }
    // Urgent reports read before anything is written, as transactions require.
    const discard: string[] = [];
    for (const [ticket, changes] of urgentChangesByTicket(result.commands)) {
      const applied = await applyUrgentChanges(tx, db, ticket, changes, {
        now: deps.now(),
        liffBaseUrl: deps.liffBaseUrl,
      });
      discard.push(...applied.discard);
    }
    let newLanguage = language;
    for (const command of result.commands) {
      if (command.type === "createReport") {
        createReport(tx, db, command.report);
        // Only ordinary reports count towards the hourly limit; the danger path has none.
        if (!command.report.urgent) recordReportIn(tx, db, userId, recentReports, deps.now());
      }
      if (command.type === "setLanguage") newLanguage = command.language;
    }
    if (discard.length > 0) result.commands.push({ type: "discardPhotos", paths: discard });
    writeSession(tx, db, userId, result.session);
    if (!user || newLanguage !== user.language)
      saveUser(tx, db, userId, { language: newLanguage }, !user);
    markProcessed(tx, db, eventId, deps.now());
    return {
      result,
      language: newLanguage,
      erasure: undefined as Erasure | undefined,
      unreadable,
    };
  });
  if (!outcome) return;

  const { result, language, erasure, unreadable } = outcome;
  const replies = [...result.replies];
  if (unreadable) {
    log("session unreadable", { webhookEventId: eventId, fields: unreadable.fields });
    replies.unshift(textMessage(translator(language)("common.sessionUnreadable")));
  }
  if (erasure) {
    // Ids only in the log: the request id is what the citizen may quote.
    log("reporter erased", { requestId: erasure.requestId, reports: erasure.tickets.length });
    if (erasure.more) await eraseReporter(db, userId, deps.now(), erasure.requestId);
    replies.push(erasedMessage(erasure.requestId, translator(language)));
  }
  for (const command of result.commands) {
    await afterCommit(deps, command, userId, language, replies);
  }
  await sendReplies(deps, event, eventId, replies);
}

async function sendReplies(
  deps: WebhookDeps,
  event: webhook.Event,
  eventId: string,
  replies: messagingApi.Message[],
): Promise<void> {
  if (replies.length === 0 || !("replyToken" in event) || !event.replyToken) return;
  try {
    await deps.line.reply(event.replyToken, replies.slice(0, 5));
  } catch (error) {
    // The event is already processed; a failed reply (token expired) must not make LINE
    // redeliver it. The citizen can ask again, nothing they gave us is lost.
    deps.log("reply failed", { webhookEventId: eventId, error: String(error) });
  }
}

async function afterCommit(
  deps: WebhookDeps,
  command: Command,
  userId: string,
  language: Language,
  replies: messagingApi.Message[],
): Promise<void> {
  switch (command.type) {
    case "showMyReports": {
      const reports = await listReportsOf(deps.db, userId, MY_REPORTS_LIMIT);
      replies.push(myReportsMessage(reports, translator(language), language));
      return;
    }
    case "showMyData": {
      const reports = await listReportsOf(deps.db, userId, MY_DATA_LIMIT);
      replies.push(
        myDataMessage(
          reports,
          { language, conversation: command.conversation },
          translator(language),
          language,
        ),
      );
      return;
    }
    case "discardPhotos":
      await Promise.all(command.paths.map(path => deps.photos.remove(path).catch(() => undefined)));
      return;
  }
}

async function profileLanguage(deps: WebhookDeps, userId: string): Promise<Language> {
  try {
    return languageFromLine(await deps.line.profileLanguage(userId));
  } catch {
    return "th";
  }
}

/** Fetches what the conversation needs from outside: photo content, the area of a location. */
async function prepareInput(deps: WebhookDeps, userId: string, input: BotInput): Promise<BotInput> {
  if (input.kind === "location") {
    // An address that parses wins; else the nearest sub-district centre (approximate).
    const found = await deps
      .areas()
      .then(areas => areaOfSharedLocation(areas, input))
      .catch(() => undefined);
    if (!found) return input;
    if ("outside" in found) return { ...input, outsideThailand: true };
    return { ...input, area: found.area, ...(found.approximate && { approximate: true }) };
  }
  if (input.kind === "image") {
    // Only download a photo the conversation is waiting for.
    const session = await readSession(deps.db, userId);
    const wanted =
      (session.flow === "report" && session.step === "photos") || session.flow === "urgent";
    if (!wanted) return input;
    try {
      const { bytes, contentType } = await deps.line.content(input.messageId);
      const path = await deps.photos.save(
        reportPhotoPath(userId, input.messageId, contentType),
        bytes,
        contentType,
      );
      return { ...input, photo: path };
    } catch (error) {
      deps.log("photo download failed", { error: String(error) });
      return input;
    }
  }
  return input;
}

function urgentChangesByTicket(commands: Command[]): Map<string, UrgentChange[]> {
  const byTicket = new Map<string, UrgentChange[]>();
  for (const command of commands) {
    if (command.type !== "updateUrgentReport") continue;
    byTicket.set(command.ticket, [...(byTicket.get(command.ticket) ?? []), command.change]);
  }
  return byTicket;
}
