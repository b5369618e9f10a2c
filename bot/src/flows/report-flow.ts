import {
  cleanUserText,
  MAX_DESCRIPTION_LENGTH,
  THAI_TIME_ZONE,
  isCaseCategory,
  MAX_REPORT_MEDIA,
  MAX_REPORT_PHOTOS,
  formatThaiPhone,
  CASE_CATEGORIES,
  type Area,
  type Case,
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
import { IDLE, renewed, type ReportSession, type ReportStep, type Session } from "../session";
import {
  cameraItem,
  cameraRollItem,
  locationItem,
  postbackItem,
  textMessage,
} from "../messages/quick-reply";
import { mainMenuItems } from "../messages/main-menu";
import { formatDuration, reportSummaryMessage } from "../messages/report-summary";
import { placeName } from "../messages/place-name";
import { categoryQuestion } from "../messages/category-question";
import {
  answerOf,
  categoryFromText,
  isUrgentWord,
  phoneFromText,
  sharedLocation,
  typedAnswer,
} from "./answers";
import { suggestCategory } from "./category-suggestion";
import { cancelReport } from "./undo-cancel";
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
  const limited = limitedReply(ctx);
  if (limited) return limited;
  const session: ReportSession = { flow: "report", step: "category", draft: {}, expiresAt: "" };
  return result(session, ctx, [prompt("category", session, ctx)]);
}

/**
 * Story first: what a citizen typed or sent outside any flow becomes the start of a report,
 * once they say yes to "ต้องการแจ้งเรื่องนี้ไหมคะ". Nothing is kept if they say no.
 */
export function offerReport(
  draft: ReportSession["draft"],
  ctx: FlowContext,
  before: Message[] = [],
): FlowResult {
  const limited = limitedReply(ctx);
  if (limited) {
    const photos = draft.photos ?? [];
    return photos.length > 0
      ? { ...limited, commands: [{ type: "discardPhotos", paths: photos }] }
      : limited;
  }
  const session: ReportSession = { flow: "report", step: "offer", draft, expiresAt: "" };
  return result(session, ctx, [...before, prompt("offer", session, ctx)]);
}

/** The polite refusal past the hourly limit, with the danger button still one tap away. */
function limitedReply(ctx: FlowContext): FlowResult | undefined {
  const limited = reportLimitReached(ctx);
  if (!limited) return undefined;
  const danger = postbackItem(
    ctx.t("urgent.dangerShort"),
    encodePostback(Action.urgent),
    ctx.t("urgent.dangerButton"),
  );
  return { session: IDLE, replies: [textMessage(limited, [danger])], commands: [] };
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

/**
 * The first question the draft has no answer to. Anything already given — a story typed before
 * the report began, a photo sent early — is never asked for again; after an edit this is the
 * summary.
 */
function nextStep(draft: ReportSession["draft"]): ReportStep {
  if (!draft.category) return "category";
  if (draft.description === undefined) return "description";
  if (draft.location === undefined) return "location";
  if (draft.photos === undefined) return "photos";
  if (draft.phone === undefined) return "phone";
  return "confirm";
}

/**
 * Whether a step, from `before` to `after`, needs the number the reporter gave last time
 * (`FlowContext.knownPhone`, one query to look up): it answers the phone question (the number
 * may be taken) or it asks it (the number is offered). Only those; the webhook runs a step
 * without the number first and, for these, looks it up and runs the step again.
 */
export function needsKnownPhone(before: Session, after: Session): boolean {
  return atPhoneQuestion(before) || atPhoneQuestion(after);
}

function atPhoneQuestion(session: Session): boolean {
  return session.flow === "report" && session.step === "phone";
}

/** The question for a step, with the quick replies that answer it. */
export function prompt(step: ReportStep, session: ReportSession, ctx: FlowContext): Message {
  const { t } = ctx;
  const { draft } = session;
  const cancel = postbackItem(t("common.cancel"), encodePostback(Action.cancel));
  const photoCount = draft.photos?.length ?? 0;
  switch (step) {
    case "offer":
      return textMessage(t(offerQuestion(draft)), [
        postbackItem(t("report.offerYes"), encodePostback(Action.offerYes)),
        postbackItem(t("report.offerNo"), encodePostback(Action.offerNo)),
      ]);
    case "category": {
      const suggested = suggestCategory(draft.description);
      const ordered = suggested
        ? [suggested, ...CASE_CATEGORIES.filter(c => c !== suggested)]
        : CASE_CATEGORIES;
      return categoryQuestion(
        t,
        [
          ...ordered.map(c =>
            postbackItem(
              c === suggested ? `✓ ${t(`category.short.${c}`)}` : t(`category.short.${c}`),
              encodePostback(Action.category, c),
              t(`category.name.${c}`),
            ),
          ),
          cancel,
        ],
        suggested
          ? t("report.categorySuggested", { category: t(`category.name.${suggested}`) })
          : t("report.askCategory"),
      );
    }
    case "description":
      return textMessage(t("report.askDescription"), [cancel]);
    case "location":
      return textMessage(t("report.askLocation"), [
        locationItem(t("report.sendLocation")),
        postbackItem(t("report.locationUnknown"), encodePostback(Action.locationUnknown)),
        cancel,
      ]);
    case "photos":
      return textMessage(t("report.askPhotos", { max: MAX_REPORT_PHOTOS }), [
        cameraItem(t("report.takePhoto")),
        cameraRollItem(t("report.choosePhoto")),
        postbackItem(t("common.skip"), encodePostback(Action.photosDone)),
        cancel,
      ]);
    case "phone": {
      const known = ctx.knownPhone ? formatThaiPhone(ctx.knownPhone) : undefined;
      return textMessage(
        known ? t("report.askPhoneKnown", { phone: known }) : t("report.askPhone"),
        [
          ...(known
            ? [
                postbackItem(
                  known,
                  encodePostback(Action.knownPhone),
                  t("report.useKnownPhone", { phone: known }),
                ),
              ]
            : []),
          postbackItem(t("report.noPhone"), encodePostback(Action.noPhone)),
          ...(photoCount < MAX_REPORT_PHOTOS ? [cameraRollItem(t("report.morePhotos"))] : []),
          cancel,
        ],
      );
    }
    case "consent":
    case "confirm":
      return reportSummaryMessage(draft, t, ctx.language);
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

function offerQuestion(draft: ReportSession["draft"]): string {
  if (draft.description) return "report.offer";
  const first = draft.media?.[0];
  if (first) return first.kind === "audio" ? "report.offerVoice" : "report.offerVideo";
  return "report.offerPhoto";
}

/** Moves on from an answered step to the first question still open (the summary at the end). */
function advance(
  session: ReportSession,
  ctx: FlowContext,
  before: Message[] = [],
  commands: Command[] = [],
): FlowResult {
  const moved: ReportSession = { ...session, step: nextStep(session.draft) };
  delete moved.areaChoices;
  delete moved.editing;
  return result(moved, ctx, [...before, prompt(moved.step, moved, ctx)], commands);
}

function again(session: ReportSession, ctx: FlowContext, notice?: string): FlowResult {
  const replies: Message[] = notice ? [textMessage(notice)] : [];
  return result(session, ctx, [...replies, prompt(session.step, session, ctx)]);
}

/** Drops the draft, and with it any photo already stored for it. */
export function abandon(
  session: ReportSession,
  notice: string,
  items?: messagingApi.QuickReplyItem[],
): FlowResult {
  const files = draftFiles(session.draft);
  return {
    session: IDLE,
    replies: [textMessage(notice, items)],
    commands: files.length > 0 ? [{ type: "discardPhotos", paths: files }] : [],
  };
}

/** Every stored file of a draft: its photos, voice notes and videos. */
export function draftFiles(draft: ReportSession["draft"]): string[] {
  return [...(draft.photos ?? []), ...(draft.media ?? []).map(media => media.path)];
}

/**
 * A voice note or a video, kept whenever it comes. A voice note before anything was typed is the
 * story itself (the description stays empty, staff play it); a video at the photo step answers it.
 */
function addMedia(
  session: ReportSession,
  input: Extract<BotInput, { kind: "audio" | "video" }>,
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  if (!input.media) return again(session, ctx, t("report.mediaRefused.failed"));
  const media = [...(session.draft.media ?? [])];
  if (media.some(item => item.path === input.media)) return again(session, ctx);
  if (media.length >= MAX_REPORT_MEDIA) {
    return result(
      session,
      ctx,
      [
        textMessage(t("report.mediaFull", { max: MAX_REPORT_MEDIA })),
        prompt(session.step, session, ctx),
      ],
      [{ type: "discardPhotos", paths: [input.media] }],
    );
  }
  media.push({ path: input.media, kind: input.kind, durationMs: input.durationMs });
  const draft = { ...session.draft, media };
  const tellsStory = input.kind === "audio" && draft.description === undefined;
  if (tellsStory) draft.description = "";
  const answersPhotos = input.kind === "video" && session.step === "photos";
  if (answersPhotos) draft.photos ??= [];
  const updated: ReportSession = { ...session, draft };
  const received = textMessage(
    t(input.kind === "audio" ? "report.voiceReceived" : "report.videoReceived", {
      duration: formatDuration(input.durationMs),
    }),
  );
  if ((tellsStory && session.step === "description") || answersPhotos)
    return advance(updated, ctx, [received]);
  return result(updated, ctx, [received, prompt(updated.step, updated, ctx)]);
}

/**
 * A photo is evidence whenever it comes: kept at any step up to MAX_REPORT_PHOTOS, and at the
 * photo step it answers the question, so the conversation moves on by itself.
 */
function addPhoto(
  session: ReportSession,
  input: Extract<BotInput, { kind: "image" }>,
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  if (!input.photo) return again(session, ctx, t("report.photoFailed"));
  const photos = [...(session.draft.photos ?? [])];
  if (photos.includes(input.photo)) return again(session, ctx);
  if (photos.length >= MAX_REPORT_PHOTOS) {
    return result(
      session,
      ctx,
      [
        textMessage(t("report.photosFull", { max: MAX_REPORT_PHOTOS })),
        prompt(session.step, session, ctx),
      ],
      [{ type: "discardPhotos", paths: [input.photo] }],
    );
  }
  photos.push(input.photo);
  const updated: ReportSession = { ...session, draft: { ...session.draft, photos } };
  const received = textMessage(
    t("report.photoReceived", { count: photos.length, max: MAX_REPORT_PHOTOS }),
  );
  if (session.step === "photos") return advance(updated, ctx, [received]);
  return result(updated, ctx, [received, prompt(updated.step, updated, ctx)]);
}

export function continueReport(
  session: ReportSession,
  input: BotInput,
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  const { postback, text } = answerOf(input);
  const typed = text === undefined ? undefined : typedAnswer(text);

  if (postback?.action === Action.cancel || typed === "cancel") return cancelReport(session, ctx);
  if (input.kind === "image" || input.kind === "audio" || input.kind === "video") {
    if (input.refused) return again(session, ctx, t(`report.mediaRefused.${input.refused}`));
    return input.kind === "image" ? addPhoto(session, input, ctx) : addMedia(session, input, ctx);
  }

  const draft = session.draft;
  switch (session.step) {
    case "offer": {
      if (postback?.action === Action.offerNo || typed === "no") {
        return abandon(session, t("report.offerDeclined"), mainMenuItems(t, ctx.language));
      }
      if (postback?.action === Action.offerYes || typed === "yes") return advance(session, ctx);
      // More of the story before the answer: it joins what was said.
      if (text !== undefined && typed === undefined) {
        const description = draft.description ? `${draft.description}\n${text}` : text;
        if (description.length > MAX_DESCRIPTION_LENGTH)
          return again(
            session,
            ctx,
            t("report.descriptionTooLong", { max: MAX_DESCRIPTION_LENGTH }),
          );
        return again({ ...session, draft: { ...draft, description } }, ctx);
      }
      return again(session, ctx);
    }
    case "category": {
      // "ด่วน" typed instead of tapping the red button means the same.
      if (text !== undefined && isUrgentWord(text)) return startUrgent(ctx, { draft });
      const suggested = suggestCategory(draft.description);
      const chosen =
        postback?.action === Action.category
          ? postback.value
          : typed === "yes"
            ? suggested
            : categoryFromText(text, ctx);
      if (!isCaseCategory(chosen)) return again(session, ctx, t("report.categoryNotUnderstood"));
      return advance({ ...session, draft: { ...draft, category: chosen } }, ctx);
    }
    case "description": {
      if (text === undefined) return again(session, ctx, t("report.descriptionNeedsText"));
      if (Array.from(text).length < MIN_DESCRIPTION_LENGTH)
        return again(session, ctx, t("report.descriptionTooShort"));
      // Longer than a draft may hold: say so and keep everything given so far, rather than
      // store a session that would no longer parse (and lose the whole draft on the next message).
      if (text.length > MAX_DESCRIPTION_LENGTH)
        return again(session, ctx, t("report.descriptionTooLong", { max: MAX_DESCRIPTION_LENGTH }));
      return advance({ ...session, draft: { ...draft, description: text } }, ctx);
    }
    case "location":
      return answerLocation(session, input, postback, text, ctx);
    case "photos": {
      if (postback?.action === Action.photosDone || typed === "skip" || typed === "no")
        return advance({ ...session, draft: { ...draft, photos: draft.photos ?? [] } }, ctx);
      return again(session, ctx);
    }
    case "phone": {
      if (postback?.action === Action.noPhone || typed === "no") {
        return advance({ ...session, draft: { ...draft, phone: null } }, ctx);
      }
      if (ctx.knownPhone && (postback?.action === Action.knownPhone || typed === "yes")) {
        return advance({ ...session, draft: { ...draft, phone: ctx.knownPhone } }, ctx);
      }
      if (text === undefined) return again(session, ctx);
      const phone = phoneFromText(text);
      if (!phone)
        return again(
          session,
          ctx,
          t("report.phoneInvalid", { text: Array.from(text).slice(0, 30).join("") }),
        );
      return advance({ ...session, draft: { ...draft, phone } }, ctx);
    }
    case "consent":
    case "confirm": {
      if (postback?.action === Action.edit)
        return result({ ...session, step: "edit" }, ctx, [prompt("edit", session, ctx)]);
      if (postback?.action === Action.consentText) {
        return result({ ...session, step: "confirm" }, ctx, [
          textMessage(t("report.consentText")),
          prompt("confirm", session, ctx),
        ]);
      }
      // Buttons of an older summary ("ยินยอม" then "ยืนยันส่งเรื่อง") still work.
      const consent = postback?.action === Action.consent ? postback.value : undefined;
      if (consent === "no") return abandon(session, t("report.consentRefused"));
      if (consent === "without_phone")
        return submit({ ...session, draft: { ...draft, phone: null } }, ctx);
      if (postback?.action === Action.confirm || consent === "full" || typed === "yes")
        return submit(session, ctx);
      return again(session, ctx, t("report.confirmNotUnderstood"));
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
      let updated: ReportSession = { ...session, step };
      const commands: Command[] = [];
      // Editing photos means choosing them again: the old ones are dropped.
      if (step === "photos") {
        if (draft.photos?.length) commands.push({ type: "discardPhotos", paths: draft.photos });
        const { photos: _dropped, ...rest } = draft;
        updated = { ...updated, draft: rest };
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
    advance({ ...session, draft: { ...draft, location } }, ctx);

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
  if (!draft.category || draft.description === undefined) {
    // Cannot happen through the steps; a damaged session starts the missing step again.
    return again({ ...session, step: nextStep(draft) }, ctx);
  }
  const now = ctx.now.toISOString();
  const ticket = ctx.newTicket();
  const phone = draft.phone ?? null;
  const report: Case = {
    ticket,
    category: draft.category,
    urgent: false,
    description: draft.description,
    location: draft.location ?? null,
    photos: draft.photos ?? [],
    ...(draft.media?.length && { media: draft.media }),
    reporter: { lineUserId: ctx.userId, phone, language: ctx.language },
    // One tap agreed to the consent text shown with the summary, and to the number in it.
    consent: { version: CONSENT_VERSION, givenAt: now, sharePhone: phone !== null },
    lawfulBasis: "consent",
    status: "new",
    routedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  return {
    session: IDLE,
    replies: [
      textMessage(submittedText(report, ctx), [
        postbackItem(ctx.t("menu.track"), encodePostback(Action.menuTrack)),
      ]),
    ],
    commands: [{ type: "createCase", report }],
  };
}

/** Promises only what is true: "in your area" needs a place, "we will call" needs a number. */
function submittedText(report: Case, ctx: FlowContext): string {
  const { t } = ctx;
  const who = report.location?.area ? t("report.submittedLocal") : t("report.submittedCentral");
  const next = report.reporter.phone ? t("report.submittedCallBack") : t("report.submittedNoPhone");
  return `${t("report.submitted", { ticket: report.ticket })}\n\n${who} ${next}`;
}
