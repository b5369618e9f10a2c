import {
  cleanUserText,
  MAX_DESCRIPTION_LENGTH,
  THAI_TIME_ZONE,
  isReportCategory,
  MAX_REPORT_PHOTOS,
  parseThaiPhone,
  REPORT_CATEGORIES,
  type Area,
  type Report,
} from "@sa/core";
import type { messagingApi } from "@line/bot-sdk";
import type { BotInput } from "../input";
import {
  REPORT_LIMIT_WINDOW_MS,
  REPORTS_PER_HOUR,
  type Command,
  type FlowContext,
  type FlowResult,
} from "../context";
import { Action, decodePostback, encodePostback } from "../postback";
import { IDLE, renewed, type ReportSession, type ReportStep } from "../session";
import { locationItem, postbackItem, textMessage } from "../messages/quick-reply";
import { reportSummaryMessage } from "../messages/report-summary";
import { placeName } from "../messages/place-name";
import { categoryQuestion } from "../messages/category-question";
import { answerOf, categoryFromText, isCancelWord, isUrgentWord, sharedLocation } from "./answers";
import { startUrgent } from "./urgent-flow";

/** Bumped when the consent wording changes, so each report records what the person agreed to. */
export const CONSENT_VERSION = "2026-11-v1";
const MIN_DESCRIPTION_LENGTH = 5;
/** More candidate areas than this would not fit as quick replies: ask for a narrower name. */
const MAX_AREA_CHOICES = 5;

type Message = messagingApi.Message;

function result(
  session: ReportSession,
  ctx: FlowContext,
  replies: Message[],
  commands: Command[] = [],
): FlowResult {
  return { session: renewed(session, ctx), replies, commands };
}

export function startReport(ctx: FlowContext): FlowResult {
  const limited = reportLimitReached(ctx);
  if (limited) {
    // The danger path is never limited: its button stays one tap away.
    const danger = postbackItem(
      ctx.t("urgent.dangerShort"),
      encodePostback(Action.urgent),
      ctx.t("urgent.dangerButton"),
    );
    return { session: IDLE, replies: [textMessage(limited, [danger])], commands: [] };
  }
  const session: ReportSession = { flow: "report", step: "category", draft: {}, expiresAt: "" };
  return result(session, ctx, [prompt("category", session, ctx)]);
}

/**
 * The polite refusal when this person already sent REPORTS_PER_HOUR ordinary reports in the
 * last hour, saying when they may send the next and how to reach help now; else undefined.
 */
function reportLimitReached(ctx: FlowContext): string | undefined {
  const windowStart = ctx.now.getTime() - REPORT_LIMIT_WINDOW_MS;
  const recent = (ctx.recentReports ?? [])
    .filter(at => at.getTime() > windowStart)
    .sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < REPORTS_PER_HOUR) return undefined;
  // The next one is allowed once enough of these have left the window.
  const freeAt = new Date(
    recent[recent.length - REPORTS_PER_HOUR]!.getTime() + REPORT_LIMIT_WINDOW_MS,
  );
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: THAI_TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
  }).format(freeAt);
  return ctx.t("report.tooMany", { limit: REPORTS_PER_HOUR, time });
}

/** The question for a step, with the quick replies that answer it. */
export function prompt(step: ReportStep, session: ReportSession, ctx: FlowContext): Message {
  const { t } = ctx;
  const cancel = postbackItem(t("common.cancel"), encodePostback(Action.cancel));
  switch (step) {
    case "category":
      return categoryQuestion(t, [
        ...REPORT_CATEGORIES.map(c =>
          postbackItem(
            t(`category.short.${c}`),
            encodePostback(Action.category, c),
            t(`category.name.${c}`),
          ),
        ),
        cancel,
      ]);
    case "description":
      return textMessage(t("report.askDescription"), [cancel]);
    case "location":
      return textMessage(t("report.askLocation"), [
        locationItem(t("report.sendLocation")),
        postbackItem(t("report.locationUnknown"), encodePostback(Action.locationUnknown)),
        cancel,
      ]);
    case "photos": {
      const count = session.draft.photos?.length ?? 0;
      const text =
        count === 0
          ? t("report.askPhotos", { max: MAX_REPORT_PHOTOS })
          : t("report.photoReceived", { count, max: MAX_REPORT_PHOTOS });
      return textMessage(text, [
        postbackItem(
          count === 0 ? t("common.skip") : t("common.done"),
          encodePostback(Action.photosDone),
        ),
        cancel,
      ]);
    }
    case "phone":
      return textMessage(t("report.askPhone"), [
        postbackItem(t("report.noPhone"), encodePostback(Action.noPhone)),
        cancel,
      ]);
    case "consent":
      return textMessage(t("report.askConsent"), [
        postbackItem(t("report.consentYes"), encodePostback(Action.consent, "full")),
        ...(session.draft.phone
          ? [
              postbackItem(
                t("report.consentWithoutPhone"),
                encodePostback(Action.consent, "without_phone"),
              ),
            ]
          : []),
        postbackItem(t("report.consentNo"), encodePostback(Action.consent, "no")),
      ]);
    case "confirm":
      return reportSummaryMessage(session.draft, t, ctx.language);
    case "edit":
      return textMessage(t("report.askEditField"), [
        postbackItem(t("report.fieldCategory"), encodePostback(Action.edit, "category")),
        postbackItem(t("report.fieldDescription"), encodePostback(Action.edit, "description")),
        postbackItem(t("report.fieldLocation"), encodePostback(Action.edit, "location")),
        postbackItem(t("report.fieldPhotos"), encodePostback(Action.edit, "photos")),
        postbackItem(t("report.fieldPhone"), encodePostback(Action.edit, "phone")),
        cancel,
      ]);
  }
}

/** Moves on from a completed step: the next question, or back to the summary when editing. */
function advance(
  session: ReportSession,
  next: ReportStep,
  ctx: FlowContext,
  before: Message[] = [],
  commands: Command[] = [],
): FlowResult {
  const target: ReportStep = session.editing && next !== "consent" ? "confirm" : next;
  const moved: ReportSession = {
    ...session,
    step: target,
    editing: target === "confirm" ? false : session.editing,
  };
  delete moved.areaChoices;
  return result(moved, ctx, [...before, prompt(target, moved, ctx)], commands);
}

function again(session: ReportSession, ctx: FlowContext, notice?: string): FlowResult {
  const replies: Message[] = notice ? [textMessage(notice)] : [];
  return result(session, ctx, [...replies, prompt(session.step, session, ctx)]);
}

/** Drops the draft, and with it any photo already stored for it. */
export function abandon(session: ReportSession, notice: string): FlowResult {
  const photos = session.draft.photos ?? [];
  return {
    session: IDLE,
    replies: [textMessage(notice)],
    commands: photos.length > 0 ? [{ type: "discardPhotos", paths: photos }] : [],
  };
}

export function continueReport(
  session: ReportSession,
  input: BotInput,
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  const { postback, text } = answerOf(input);

  if (postback?.action === Action.cancel || (text !== undefined && isCancelWord(text))) {
    return abandon(session, t("report.cancelled"));
  }
  // A photo sent at another step is not needed: say so rather than keep it silently.
  if (input.kind === "image" && session.step !== "photos") {
    const discard: Command[] = input.photo ? [{ type: "discardPhotos", paths: [input.photo] }] : [];
    return result(
      session,
      ctx,
      [textMessage(t("report.photoNotNow")), prompt(session.step, session, ctx)],
      discard,
    );
  }

  const draft = session.draft;
  switch (session.step) {
    case "category": {
      // "ด่วน" typed instead of tapping the red button means the same.
      if (text !== undefined && isUrgentWord(text)) return startUrgent(ctx, { draft });
      const chosen =
        postback?.action === Action.category ? postback.value : categoryFromText(text, ctx);
      if (!isReportCategory(chosen)) return again(session, ctx, t("report.categoryNotUnderstood"));
      return advance({ ...session, draft: { ...draft, category: chosen } }, "description", ctx);
    }
    case "description": {
      if (text === undefined) return again(session, ctx, t("report.descriptionNeedsText"));
      if (Array.from(text).length < MIN_DESCRIPTION_LENGTH)
        return again(session, ctx, t("report.descriptionTooShort"));
      // Longer than a draft may hold: say so and keep everything given so far, rather than
      // store a session that would no longer parse (and lose the whole draft on the next message).
      if (text.length > MAX_DESCRIPTION_LENGTH)
        return again(session, ctx, t("report.descriptionTooLong", { max: MAX_DESCRIPTION_LENGTH }));
      return advance({ ...session, draft: { ...draft, description: text } }, "location", ctx);
    }
    case "location":
      return answerLocation(session, input, postback, text, ctx);
    case "photos": {
      if (postback?.action === Action.photosDone) return advance(session, "phone", ctx);
      if (input.kind !== "image") return again(session, ctx);
      if (!input.photo) return again(session, ctx, t("report.photoFailed"));
      const photos = [...(draft.photos ?? [])];
      if (photos.includes(input.photo)) return again(session, ctx);
      if (photos.length >= MAX_REPORT_PHOTOS) {
        return result(
          session,
          ctx,
          [textMessage(t("report.photosFull", { max: MAX_REPORT_PHOTOS }))],
          [{ type: "discardPhotos", paths: [input.photo] }],
        );
      }
      photos.push(input.photo);
      const updated = { ...session, draft: { ...draft, photos } };
      if (photos.length === MAX_REPORT_PHOTOS) {
        return advance(updated, "phone", ctx, [
          textMessage(t("report.photosFull", { max: MAX_REPORT_PHOTOS })),
        ]);
      }
      return result(updated, ctx, [prompt("photos", updated, ctx)]);
    }
    case "phone": {
      if (postback?.action === Action.noPhone) {
        return advance({ ...session, draft: { ...draft, phone: null } }, "consent", ctx);
      }
      if (text === undefined) return again(session, ctx);
      const phone = parseThaiPhone(text);
      if (!phone)
        return again(
          session,
          ctx,
          t("report.phoneInvalid", { text: Array.from(text).slice(0, 30).join("") }),
        );
      // A changed phone needs fresh consent: the earlier answer may have been "without phone".
      const { consent: _dropped, ...rest } = draft;
      return advance({ ...session, editing: false, draft: { ...rest, phone } }, "consent", ctx);
    }
    case "consent": {
      const answer = postback?.action === Action.consent ? postback.value : undefined;
      if (answer === "no") return abandon(session, t("report.consentRefused"));
      if (answer !== "full" && answer !== "without_phone")
        return again(session, ctx, t("report.consentNotUnderstood"));
      const phone = answer === "without_phone" ? null : (draft.phone ?? null);
      return advance({ ...session, draft: { ...draft, consent: answer, phone } }, "confirm", ctx);
    }
    case "confirm": {
      if (postback?.action === Action.edit)
        return result({ ...session, step: "edit" }, ctx, [prompt("edit", session, ctx)]);
      if (postback?.action !== Action.confirm)
        return again(session, ctx, t("report.confirmNotUnderstood"));
      return submit(session, ctx);
    }
    case "edit": {
      const field = postback?.action === Action.edit ? postback.value : undefined;
      const steps: Partial<Record<string, ReportStep>> = {
        category: "category",
        description: "description",
        location: "location",
        photos: "photos",
        phone: "phone",
      };
      const step = field ? steps[field] : undefined;
      if (!step) return again(session, ctx);
      let updated: ReportSession = { ...session, step, editing: true };
      const commands: Command[] = [];
      // Editing photos means choosing them again: the old ones are dropped.
      if (step === "photos" && draft.photos?.length) {
        commands.push({ type: "discardPhotos", paths: draft.photos });
        updated = { ...updated, draft: { ...draft, photos: [] } };
      }
      return result(updated, ctx, [prompt(step, updated, ctx)], commands);
    }
  }
}

function answerLocation(
  session: ReportSession,
  input: BotInput,
  postback: ReturnType<typeof decodePostback>,
  text: string | undefined,
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  const draft = session.draft;
  const done = (location: NonNullable<ReportSession["draft"]["location"]> | null) =>
    advance({ ...session, draft: { ...draft, location } }, "photos", ctx);

  if (postback?.action === Action.locationUnknown) return done(null);
  if (input.kind === "location") {
    if (input.outsideThailand) return again(session, ctx, t("report.locationOutside"));
    return done(sharedLocation(input));
  }
  if (postback?.action === Action.area) {
    const chosen = session.areaChoices?.find(a => areaCode(a) === postback.value);
    if (chosen) return done({ area: chosen });
    return again(session, ctx);
  }
  if (text === undefined) return again(session, ctx);
  const typed = Array.from(text).slice(0, 200).join("");
  const found = ctx.areas.find(typed);
  if (found.length === 1) return done({ area: found[0]!, typed });
  if (found.length === 0) return again(session, ctx, t("report.locationNotFound", { text: typed }));
  if (found.length > MAX_AREA_CHOICES)
    return again(session, ctx, t("report.locationTooMany", { text: typed }));
  const choices: Area[] = found;
  const updated: ReportSession = { ...session, areaChoices: choices };
  return result(updated, ctx, [
    textMessage(t("report.locationChoose"), [
      // Quick-reply labels hold 20 characters: name the place and the province, which is what
      // tells same-named places apart; the full name is shown as the reply the user "says".
      ...choices.map(a =>
        postbackItem(
          `${a.subDistrict ?? a.district ?? ""} ${ctx.language === "en" ? (a.provinceEn ?? a.province) : a.province}`.trim(),
          encodePostback(Action.area, areaCode(a)),
          placeName({ area: a }, t, ctx.language),
        ),
      ),
      locationItem(t("report.sendLocation")),
      postbackItem(t("common.cancel"), encodePostback(Action.cancel)),
    ]),
  ]);
}

function areaCode(area: Area): string {
  return area.subDistrictCode ?? area.districtCode ?? area.provinceCode;
}

function submit(session: ReportSession, ctx: FlowContext): FlowResult {
  const { draft } = session;
  if (!draft.category || draft.description === undefined || !draft.consent) {
    // Cannot happen through the steps; a damaged session starts the missing step again.
    return again(
      {
        ...session,
        step: !draft.category ? "category" : !draft.description ? "description" : "consent",
      },
      ctx,
    );
  }
  const now = ctx.now.toISOString();
  const ticket = ctx.newTicket();
  const report: Report = {
    ticket,
    category: draft.category,
    urgent: false,
    description: draft.description,
    location: draft.location ?? null,
    photos: draft.photos ?? [],
    reporter: {
      lineUserId: ctx.userId,
      phone: draft.consent === "full" ? (draft.phone ?? null) : null,
      language: ctx.language,
    },
    consent: {
      version: CONSENT_VERSION,
      givenAt: now,
      sharePhone: draft.consent === "full" && !!draft.phone,
    },
    lawfulBasis: "consent",
    status: "new",
    routedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const text = ctx.t("report.submitted", { ticket });
  return {
    session: IDLE,
    replies: [
      textMessage(text, [postbackItem(ctx.t("menu.track"), encodePostback(Action.menuTrack))]),
    ],
    commands: [{ type: "createReport", report }],
  };
}
