import { HTTPFetchError, type messagingApi, type webhook } from "@line/bot-sdk";
import { rulesInUse } from "../welfare-rules/rule-set";
import {
  converse,
  textMessage,
  decodePostback,
  erasedMessage,
  eventToInput,
  keepsMedia,
  MY_DATA_LIMIT,
  MY_REPORTS_LIMIT,
  myDataMessage,
  richMenuAlias,
  myReportsMessage,
  nearbyHelpPointsMessage,
  nearestCentreText,
  NEARBY_HELP_POINTS,
  type BotInput,
  type Command,
  type FlowContext,
  type FlowResult,
  type MediaRefusal,
  type Session,
  IDLE,
  needsKnownPhone,
} from "@sa/bot";
import {
  areaOfSharedLocation,
  languageFromLine,
  nearestHelpPoints,
  newTicketCode,
  translator,
  type AreaDirectory,
  type CaseLocation,
  type Language,
  type NearbyHelpPoint,
  type UrgentChange,
} from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { applyUrgentChanges } from "../cases/urgent-intake";
import {
  ContentTooLarge,
  MAX_CONTENT_BYTES,
  MAX_MEDIA_BYTES,
  type LinePlatform,
} from "../line/line-platform";
import { sniffMedia, type MediaKind } from "../photos/media-signature";
import { draftPhotoKey, reportPhotoPath, type PhotoStore } from "../photos/photo-store";
import { nearestHelpPointTo } from "../help-points/nearest-help-point";
import { listHelpPoints } from "../repositories/help-points";
import { markProcessed, wasProcessedIn } from "../repositories/processed-events";
import { eraseReporter, eraseReporterIn, type Erasure } from "../repositories/erasure";
import { recentReportsOf, reportWindow } from "../repositories/rate-limits";
import {
  createCase,
  latestPhoneOf,
  listCasesOf,
  ticketTakenIn,
} from "../repositories/case-records";
import { readSession, readSessionStateIn, writeSession } from "../repositories/sessions";
import { readUser, saveUser } from "../repositories/users";
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
  within: () => refuse(),
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

  if (postback && caseAction) {
    // Only "ticket" or "ticket:score" as our pushes send them: anything else (tampered, "../x",
    // empty) would name a document path; it is not from us, so it is skipped without a word.
    if (!/^[0-9A-Za-z-]{1,40}(?::\d{1,2})?$/.test(postback.value ?? "")) {
      log("case postback refused", { webhookEventId: eventId, action: postback.action });
      return;
    }
    const replies = await handleCasePostback(db, postback, userId, eventId, {
      now: deps.now(),
      liffBaseUrl: deps.liffBaseUrl,
    });
    await sendReplies(deps, event, eventId, replies);
    return;
  }

  // Work with the network that must not run twice happens before the transaction, which may
  // run more than once. The session is read once, in the transaction; only media need it
  // before (to store their content under the draft's key).
  const stored = MEDIA.has(input.kind) ? await readSession(db, userId) : IDLE;
  const prepared = await prepareInput(deps, userId, input, stored);
  const areas = prepared.kind === "text" ? await deps.areas() : NO_DIRECTORY;
  // LINE's guess of a new person's language, asked once however often the transaction runs.
  let profileGuess: Promise<Language> | undefined;
  // The help point nearest to an ordinary report, looked up while the transaction commits.
  let nearestCentre: Promise<NearbyHelpPoint | undefined> | undefined;

  const outcome = await db.runTransaction(async tx => {
    // One after another: read together, two transactions of one user (photos sent at once)
    // can each hold a document the other waits for, and the emulator's locks then stall both.
    const {
      session,
      unreadable,
      recentEvents,
      reportsSentAt,
      language: keptLanguage,
    } = await readSessionStateIn(tx, db, userId);
    // A repeat (LINE's redelivery, `deliveryContext.isRedelivery`, or the same id again) of an
    // event this session already took changes nothing and sends nothing.
    if (recentEvents.includes(eventId)) return undefined;
    // Their language is all the conversation needs of the person, and the session keeps a copy:
    // their user record is read only when it does not (a first message, a session gone after a
    // week idle), outside the transaction's locks, as only this transaction changes it. It may
    // then be a first contact, so LINE's guess is asked beside that read rather than after it.
    if (!keptLanguage) profileGuess ??= profileLanguage(deps, userId);
    const user = keptLanguage ? { language: keptLanguage } : await readUser(db, userId);
    const firstContact = !user;
    const guessedLanguage = firstContact && profileGuess ? await profileGuess : "th";
    const recentReports = recentReportsOf(reportsSentAt, deps.now());
    // Read outside the transaction (published versions only change by approval), and only
    // when the welfare interview is under way, so other conversations pay nothing for it:
    // afresh at its first answer, then as this instance read them within the last minute.
    const welfareRules =
      session.flow === "welfare"
        ? await rulesInUse(db, {
            reuseForMs: session.history.length > 0 ? INTERVIEW_RULES_REUSE_MS : 0,
          })
        : undefined;
    const language = user?.language ?? guessedLanguage;
    const context: FlowContext = {
      now: deps.now(),
      userId,
      language,
      t: translator(language),
      tFor: translator,
      areas,
      newTicket: () => newTicketCode(deps.now()),
      recentReports,
      ...(welfareRules ? { welfareRules } : {}),
    };
    let result = await converseWithFreeTicket(tx, db, session, prepared, context);
    // The number the reporter gave last time is looked up (a query, outside the transaction's
    // reads) only for a step that asks the phone question or answers it; the conversation is
    // pure, so that step is simply run again with it.
    if (needsKnownPhone(session, result.session)) {
      const knownPhone = await latestPhoneOf(db, userId).catch(() => undefined);
      if (knownPhone)
        result = await converseWithFreeTicket(tx, db, session, prepared, {
          ...context,
          knownPhone,
        });
    }
    // The erase reads and writes first: it is the only data-changing command of its step.
    if (result.commands.some(command => command.type === "eraseMyData")) {
      // The erasure deletes the session and its event ids: its own marker makes it once-only.
      if (await wasProcessedIn(tx, db, eventId)) return undefined;
      const erasure = await eraseReporterIn(tx, db, userId, {
        now: deps.now(),
        liffBaseUrl: deps.liffBaseUrl,
      });
      markProcessed(tx, db, eventId, deps.now());
      return { result, language, firstContact, erasure, unreadable: undefined };
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
    let reportSent: Date | undefined;
    for (const command of result.commands) {
      if (command.type === "createCase") {
        createCase(tx, db, command.report);
        // Only ordinary reports count towards the hourly limit; the danger path has none.
        if (!command.report.urgent) {
          reportSent = deps.now();
          nearestCentre ??= nearestCentreOf(deps, command.report.location ?? null);
        }
      }
      if (command.type === "setLanguage") newLanguage = command.language;
    }
    if (discard.length > 0) result.commands.push({ type: "discardPhotos", paths: discard });
    const userChanged = !user || newLanguage !== user.language;
    if (userChanged) saveUser(tx, db, userId, { language: newLanguage }, !user);
    // An event that changes nothing (a status check from an idle chat whose session keeps the
    // language) writes nothing: done twice it only answers twice. Any other is recorded with
    // the session, one write.
    const changes =
      userChanged ||
      keptLanguage !== newLanguage ||
      unreadable !== undefined ||
      JSON.stringify(result.session) !== JSON.stringify(session) ||
      result.commands.some(command => !READ_ONLY_COMMANDS.has(command.type));
    if (changes)
      writeSession(tx, db, userId, result.session, {
        recentEvents,
        // Counted in the session's own write: a report costs no write for the limit.
        reportsSentAt: reportWindow(recentReports, reportSent),
        language: newLanguage,
        eventId,
        now: deps.now(),
      });
    return {
      result,
      language: newLanguage,
      firstContact,
      erasure: undefined as Erasure | undefined,
      unreadable,
    };
  });
  if (!outcome) return;

  const { result, language, firstContact, erasure, unreadable } = outcome;
  const replies = [...result.replies];
  if (unreadable) {
    log("session unreadable", { webhookEventId: eventId, fields: unreadable.fields });
    replies.unshift(textMessage(translator(language)("common.sessionUnreadable")));
  }
  if (erasure) {
    // Ids only in the log: the request id is what the citizen may quote.
    log("reporter erased", { requestId: erasure.requestId, reports: erasure.tickets.length });
    if (erasure.more)
      await eraseReporter(
        db,
        userId,
        { now: deps.now(), liffBaseUrl: deps.liffBaseUrl },
        erasure.requestId,
      );
    replies.push(erasedMessage(erasure.requestId, translator(language)));
  }
  for (const command of result.commands) {
    await afterCommit(deps, command, userId, language, replies);
  }
  // The channel's default menu is Thai: someone whose LINE is set to English gets the English
  // one from their first message, as a language switch would give it.
  const switched = result.commands.some(command => command.type === "setLanguage");
  if (firstContact && language !== "th" && !switched)
    await linkMenuOfLanguage(deps, userId, language);
  if (nearestCentre) nameNearestCentre(await nearestCentre, language, replies);
  await sendReplies(deps, event, eventId, replies);
}

/**
 * How old the published welfare rules an instance read may be for an interview's later answers
 * (its first answer reads them afresh): a minute bounds how long an instance that read them
 * for someone else's interview can lag behind an approval.
 */
const INTERVIEW_RULES_REUSE_MS = 60_000;

/** Inputs whose content is fetched and stored before the transaction. */
const MEDIA = new Set<BotInput["kind"]>(["image", "audio", "video"]);

/** Commands that only read: an event whose commands are all these (and that leaves the session as
 * it was) changes nothing. */
const READ_ONLY_COMMANDS = new Set<Command["type"]>([
  "showMyReports",
  "showMyData",
  "showNearbyHelpPoints",
]);

/** Tries of a fresh ticket code when the random one is taken; each clash is rare on its own. */
const TICKET_TRIES = 5;

/**
 * The conversation step, with any new report's ticket code checked as unused. Ticket codes are
 * random digits (read out on the phone); the step is pure, so on a clash it simply runs again
 * with the next code. Reads only, before the transaction writes anything.
 */
async function converseWithFreeTicket(
  tx: Transaction,
  db: Firestore,
  session: Session,
  input: BotInput,
  ctx: FlowContext,
): Promise<FlowResult> {
  for (let attempt = 1; ; attempt++) {
    const ticket = ctx.newTicket();
    const result = converse(session, input, { ...ctx, newTicket: () => ticket });
    const creates = result.commands.some(command => command.type === "createCase");
    if (!creates || attempt >= TICKET_TRIES || !(await ticketTakenIn(tx, db, ticket)))
      return result;
  }
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
      const reports = await listCasesOf(deps.db, userId, MY_REPORTS_LIMIT);
      replies.push(myReportsMessage(reports, translator(language), language));
      return;
    }
    case "showMyData": {
      const reports = await listCasesOf(deps.db, userId, MY_DATA_LIMIT);
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
    case "showNearbyHelpPoints": {
      const points = await listHelpPoints(deps.db, command.provinceCode);
      const nearby = nearestHelpPoints(points, command, NEARBY_HELP_POINTS);
      replies.push(nearbyHelpPointsMessage(nearby, translator(language)));
      return;
    }
    case "discardPhotos":
      await Promise.all(command.paths.map(path => deps.photos.remove(path).catch(() => undefined)));
      return;
    case "setLanguage":
      // The rich menu follows the chat's language.
      await linkMenuOfLanguage(deps, userId, command.language);
      return;
  }
}

/**
 * Links the user to the rich menu of their language. The language is saved and the reply sent
 * regardless, so a menu that cannot be linked (not set up, LINE down) only costs its language.
 */
async function linkMenuOfLanguage(
  deps: WebhookDeps,
  userId: string,
  language: Language,
): Promise<void> {
  try {
    await deps.line.linkRichMenu(userId, richMenuAlias(language));
  } catch (error) {
    // A warning someone should look at (is `npm run setup:line` done?); no user id in it.
    console.warn(
      "rich menu link failed",
      JSON.stringify({
        language,
        status: error instanceof HTTPFetchError ? error.status : "network",
      }),
    );
  }
}

/**
 * The help point nearest to an ordinary report's place. Asked as soon as the report is made,
 * outside the transaction, so the lookup and the commit overlap; a directory that cannot be
 * read only costs the extra line.
 */
async function nearestCentreOf(
  deps: WebhookDeps,
  location: CaseLocation | null,
): Promise<NearbyHelpPoint | undefined> {
  try {
    return await nearestHelpPointTo(deps.db, location);
  } catch (error) {
    deps.log("nearest centre lookup failed", { error: String(error) });
    return undefined;
  }
}

/**
 * Under "ส่งเรื่องเรียบร้อยแล้ว" of an ordinary report: the nearest help point, where the citizen
 * can also go in person. The last message keeps its quick replies (LINE shows only the last's).
 */
function nameNearestCentre(
  nearest: NearbyHelpPoint | undefined,
  language: Language,
  replies: messagingApi.Message[],
): void {
  if (!nearest) return;
  const last = replies.pop();
  const quickReply = last && "quickReply" in last ? last.quickReply : undefined;
  if (last) replies.push({ ...last, quickReply: undefined });
  replies.push({
    ...textMessage(nearestCentreText(nearest, translator(language))),
    ...(quickReply && { quickReply }),
  });
}

async function profileLanguage(deps: WebhookDeps, userId: string): Promise<Language> {
  try {
    return languageFromLine(await deps.line.profileLanguage(userId));
  } catch {
    return "th";
  }
}

/** Fetches what the conversation needs from outside: photo content, the area of a location. */
async function prepareInput(
  deps: WebhookDeps,
  userId: string,
  input: BotInput,
  session: Session,
): Promise<BotInput> {
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
  // Fetched only where the conversation keeps it (keepsMedia): the welfare check does not.
  if (
    (input.kind === "image" || input.kind === "audio" || input.kind === "video") &&
    !keepsMedia(session)
  )
    return input;
  if (input.kind === "image") {
    const saved = await saveContent(deps, session, input.messageId, "image", MAX_CONTENT_BYTES);
    return "path" in saved ? { ...input, photo: saved.path } : { ...input, ...saved };
  }
  if (input.kind === "audio" || input.kind === "video") {
    const preparation = await waitForPreparation(deps, input.messageId);
    if (preparation !== "succeeded")
      return { ...input, refused: preparation === "processing" ? "preparing" : "failed" };
    const saved = await saveContent(deps, session, input.messageId, input.kind, MAX_MEDIA_BYTES);
    return "path" in saved ? { ...input, media: saved.path } : { ...input, ...saved };
  }
  return input;
}

/** Checks of LINE's preparation of an audio or video message before giving up for now. */
const PREPARATION_CHECKS = 3;
const PREPARATION_PAUSE_MS = 700;

/**
 * LINE may still be preparing a voice note or video when the webhook arrives: ask a few times,
 * briefly; if it is still not ready the citizen is asked to send it again in a moment.
 */
async function waitForPreparation(
  deps: WebhookDeps,
  messageId: string,
): Promise<"processing" | "succeeded" | "failed"> {
  for (let check = 1; ; check++) {
    const status = await deps.line.preparation(messageId).catch(() => "failed" as const);
    if (status !== "processing" || check >= PREPARATION_CHECKS) return status;
    await new Promise(done => setTimeout(done, PREPARATION_PAUSE_MS));
  }
}

/**
 * Downloads a message's content, checks by its first bytes that it is what LINE says it is
 * (a text file sent as an "image" is refused), and stores it under a path of the message.
 */
async function saveContent(
  deps: WebhookDeps,
  session: Session,
  messageId: string,
  kind: MediaKind,
  maxBytes: number,
): Promise<{ path: string } | { refused: MediaRefusal }> {
  try {
    const { bytes } = await deps.line.content(messageId, maxBytes);
    const contentType = sniffMedia(bytes, kind);
    if (!contentType) {
      deps.log("content refused", { kind, reason: "type" });
      return { refused: "type" };
    }
    const path = await deps.photos.save(
      reportPhotoPath(contentKey(session, messageId), messageId, contentType),
      bytes,
      contentType,
    );
    return { path };
  } catch (error) {
    if (error instanceof ContentTooLarge) return { refused: "size" };
    deps.log("content download failed", { kind, error: String(error) });
    return { refused: "failed" };
  }
}

/** Files are kept under the report, never under the sender (see reportPhotoPath). */
function contentKey(session: Session, messageId: string): string {
  if (session.flow === "urgent") return session.ticket;
  const draft = session.flow === "report" ? session.draft : undefined;
  const kept = [...(draft?.photos ?? []), ...(draft?.media ?? []).map(media => media.path)];
  return draftPhotoKey(kept, messageId);
}

function urgentChangesByTicket(commands: Command[]): Map<string, UrgentChange[]> {
  const byTicket = new Map<string, UrgentChange[]>();
  for (const command of commands) {
    if (command.type !== "updateUrgentCase") continue;
    byTicket.set(command.ticket, [...(byTicket.get(command.ticket) ?? []), command.change]);
  }
  return byTicket;
}
