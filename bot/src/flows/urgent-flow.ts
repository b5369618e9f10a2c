import {
  cleanUserText,
  clipText,
  detectDanger,
  isCaseCategory,
  MAX_DESCRIPTION_LENGTH,
  parseThaiPhone,
  CASE_CATEGORIES,
  type Case,
  type ReportDraft,
  type CaseLocation,
  type EmergencyNumber,
  type UrgentChange,
} from "@sa/core";
import type { messagingApi } from "@line/bot-sdk";
import type { BotInput } from "../input";
import type { Command, FlowContext, FlowResult } from "../context";
import { Action, encodePostback } from "../postback";
import { IDLE, renewed, URGENT_STEPS, type UrgentSession, type UrgentStep } from "../session";
import { emergencyCallCard } from "../messages/emergency-card";
import { locationItem, postbackItem, textMessage } from "../messages/quick-reply";
import { answerOf, categoryFromText, isCancelWord, sharedLocation } from "./answers";

type Message = messagingApi.Message;

/**
 * The danger path. The moment someone says a person is in danger, they get the call card and
 * an urgent report exists — with only who they are, their language and the time — and is
 * routed to whoever is on duty. Everything asked after that is added to the same report, so
 * stopping to make a call, or never coming back, loses nothing that was said.
 */
export function startUrgent(
  ctx: FlowContext,
  options: { draft?: ReportDraft; first?: EmergencyNumber } = {},
): FlowResult {
  const draft = options.draft ?? {};
  const now = ctx.now.toISOString();
  const ticket = ctx.newTicket();
  const report: Case = {
    ticket,
    category: draft.category ?? null,
    urgent: true,
    description: draft.description ?? "",
    location: draft.location ?? null,
    photos: draft.photos ?? [],
    ...(draft.media?.length && { media: draft.media }),
    reporter: { lineUserId: ctx.userId, phone: draft.phone ?? null, language: ctx.language },
    consent: null,
    lawfulBasis: "vital_interest",
    intake: { state: "collecting" },
    status: "new",
    routedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  // What an ordinary report had already told us is not asked again.
  const answered = URGENT_STEPS.filter(step =>
    step === "location"
      ? draft.location !== undefined
      : step === "phone"
        ? draft.phone !== undefined
        : draft[step] !== undefined,
  );
  const session: UrgentSession = {
    flow: "urgent",
    ticket,
    step: "location",
    answered,
    expiresAt: "",
  };
  const opened = textMessage(ctx.t("urgent.opened", { ticket }));
  const card = emergencyCallCard(ctx.t, options.first);
  return nextQuestion(session, ctx, [card, opened], [{ type: "createCase", report }]);
}

/** A second danger answer, or a danger word, while the urgent report is being told. */
export function repeatUrgent(
  session: UrgentSession,
  ctx: FlowContext,
  first?: EmergencyNumber,
): FlowResult {
  return {
    session: renewed(session, ctx),
    replies: [
      emergencyCallCard(ctx.t, first),
      textMessage(ctx.t("urgent.already", { ticket: session.ticket })),
      urgentPrompt(session, ctx),
    ],
    commands: [],
  };
}

export function urgentPrompt(session: UrgentSession, ctx: FlowContext): Message {
  const { t } = ctx;
  if (session.askingSafe) {
    return textMessage(t("urgent.askSafe"), [
      postbackItem(t("urgent.safeYes"), encodePostback(Action.urgentSafe, "yes")),
      postbackItem(t("urgent.safeNo"), encodePostback(Action.urgentSafe, "no")),
    ]);
  }
  const skip = (label: string) => postbackItem(label, encodePostback(Action.urgentSkip));
  switch (session.step) {
    case "location":
      return textMessage(t("urgent.askLocation"), [
        locationItem(t("report.sendLocation")),
        skip(t("report.locationUnknown")),
      ]);
    case "description":
      return textMessage(t("urgent.askDescription"), [skip(t("common.skip"))]);
    case "category":
      return textMessage(t("urgent.askCategory"), [
        ...CASE_CATEGORIES.map(c =>
          postbackItem(
            t(`category.short.${c}`),
            encodePostback(Action.category, c),
            t(`category.name.${c}`),
          ),
        ),
        skip(t("common.skip")),
      ]);
    case "phone":
      return textMessage(t("urgent.askPhone"), [skip(t("urgent.noPhone"))]);
  }
}

/** The step after `session.step` that has no answer yet, or the end of the questions. */
function nextQuestion(
  session: UrgentSession,
  ctx: FlowContext,
  before: Message[],
  commands: Command[],
): FlowResult {
  const next = URGENT_STEPS.find(step => !session.answered.includes(step));
  if (!next) {
    return {
      session: IDLE,
      replies: [
        ...before,
        textMessage(ctx.t("urgent.done", { ticket: session.ticket }), [
          postbackItem(ctx.t("menu.track"), encodePostback(Action.menuTrack)),
        ]),
      ],
      commands: [...commands, change(session, { kind: "intake", state: "complete" })],
    };
  }
  const moved: UrgentSession = { ...session, step: next, askingSafe: false };
  return {
    session: renewed(moved, ctx),
    replies: [...before, urgentPrompt(moved, ctx)],
    commands,
  };
}

function change(session: UrgentSession, update: UrgentChange): Command {
  return { type: "updateUrgentCase", ticket: session.ticket, change: update };
}

function answered(
  session: UrgentSession,
  ctx: FlowContext,
  step: UrgentStep,
  update?: UrgentChange,
): FlowResult {
  const updated = { ...session, answered: [...new Set([...session.answered, step])] };
  return nextQuestion(updated, ctx, [], update ? [change(session, update)] : []);
}

function again(session: UrgentSession, ctx: FlowContext, notice?: string): FlowResult {
  const replies: Message[] = notice ? [textMessage(notice)] : [];
  return {
    session: renewed(session, ctx),
    replies: [...replies, urgentPrompt(session, ctx)],
    commands: [],
  };
}

/**
 * The session ran out or was dropped: the report stays, with what it has, and is marked as
 * not fully told, so staff know not to wait for more.
 */
export function stopUrgent(session: UrgentSession, notice: string): FlowResult {
  return {
    session: IDLE,
    replies: [textMessage(notice)],
    commands: [change(session, { kind: "intake", state: "stopped" })],
  };
}

/**
 * A voice note or video, kept whenever it comes, as in an ordinary report: someone in danger may
 * be able to speak but not type. A voice note is the story told, so "what happened" is not asked.
 */
function addMedia(
  session: UrgentSession,
  input: Extract<BotInput, { kind: "audio" | "video" }>,
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  if (!input.media)
    return again(session, ctx, t(`report.mediaRefused.${input.refused ?? "failed"}`));
  const kept = change(session, {
    kind: "media",
    media: { path: input.media, kind: input.kind, durationMs: input.durationMs },
  });
  const received = textMessage(
    t(input.kind === "audio" ? "urgent.voiceReceived" : "urgent.videoReceived"),
  );
  if (input.kind === "audio") {
    const told = {
      ...session,
      answered: [...new Set([...session.answered, "description" as const])],
    };
    if (session.step === "description" && !session.askingSafe)
      return nextQuestion(told, ctx, [received], [kept]);
    return {
      session: renewed(told, ctx),
      replies: [received, urgentPrompt(told, ctx)],
      commands: [kept],
    };
  }
  return {
    session: renewed(session, ctx),
    replies: [received, urgentPrompt(session, ctx)],
    commands: [kept],
  };
}

export function continueUrgent(
  session: UrgentSession,
  input: BotInput,
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  const { postback, text } = answerOf(input);

  // A place or a photo is worth having whatever was asked: it goes to the report at once.
  if (input.kind === "location") {
    // Kept even outside Thailand (staff may still act on it), but the citizen is asked to type
    // the place too, since no area near them can take it.
    const change: UrgentChange = { kind: "location", location: sharedLocation(input) };
    if (input.outsideThailand) {
      return {
        session: renewed(session, ctx),
        replies: [textMessage(t("report.locationOutside")), urgentPrompt(session, ctx)],
        commands: [{ type: "updateUrgentCase", ticket: session.ticket, change }],
      };
    }
    return answered(session, ctx, "location", change);
  }
  if (input.kind === "image") {
    if (!input.photo) return again(session, ctx, t("report.photoFailed"));
    return {
      session: renewed(session, ctx),
      replies: [textMessage(t("urgent.photoReceived")), urgentPrompt(session, ctx)],
      commands: [change(session, { kind: "photo", path: input.photo })],
    };
  }

  if (input.kind === "audio" || input.kind === "video") return addMedia(session, input, ctx);

  if (session.askingSafe) {
    const answer = postback?.action === Action.urgentSafe ? postback.value : undefined;
    if (answer === "yes") {
      return {
        session: IDLE,
        replies: [textMessage(t("urgent.safeThanks", { ticket: session.ticket }))],
        commands: [
          change(session, { kind: "safety", dangerOver: true }),
          change(session, { kind: "intake", state: "stopped" }),
        ],
      };
    }
    if (answer === "no") {
      const back: UrgentSession = { ...session, askingSafe: false };
      return {
        session: renewed(back, ctx),
        replies: [emergencyCallCard(t), textMessage(t("urgent.notSafe")), urgentPrompt(back, ctx)],
        commands: [change(session, { kind: "safety", dangerOver: false })],
      };
    }
    return again(session, ctx);
  }

  // An urgent report is never thrown away: "cancel" asks whether the danger is over.
  if (postback?.action === Action.cancel || (text !== undefined && isCancelWord(text))) {
    const asking: UrgentSession = { ...session, askingSafe: true };
    return { session: renewed(asking, ctx), replies: [urgentPrompt(asking, ctx)], commands: [] };
  }
  if (postback?.action === Action.urgentSkip) return answered(session, ctx, session.step);

  switch (session.step) {
    case "location": {
      if (text === undefined) return again(session, ctx);
      // "เขากำลังตีแม่" typed here is what is happening, not where: keep it as the story and
      // ask for the place again.
      if (detectDanger(text)) {
        const told: UrgentSession = {
          ...session,
          answered: [...new Set([...session.answered, "description" as const])],
        };
        return { ...again(told, ctx), commands: [change(session, { kind: "description", text })] };
      }
      // No list of same-named places to choose from here: what they typed goes to staff as
      // it is, with the area when it is clear, so the danger path never stalls on a place name.
      const typed = Array.from(text).slice(0, 200).join("");
      const found = ctx.areas.find(typed);
      const location: CaseLocation = found.length === 1 ? { area: found[0]!, typed } : { typed };
      return answered(session, ctx, "location", { kind: "location", location });
    }
    case "description": {
      if (text === undefined) return again(session, ctx, t("report.descriptionNeedsText"));
      const description = clipText(text, MAX_DESCRIPTION_LENGTH);
      return answered(session, ctx, "description", { kind: "description", text: description });
    }
    case "category": {
      const chosen =
        postback?.action === Action.category ? postback.value : categoryFromText(text, ctx);
      if (!isCaseCategory(chosen)) {
        // Anything typed here is more of the story: keep it rather than ask again.
        if (text !== undefined) {
          return {
            ...again(session, ctx),
            commands: [change(session, { kind: "description", text })],
          };
        }
        return again(session, ctx, t("report.categoryNotUnderstood"));
      }
      return answered(session, ctx, "category", { kind: "category", category: chosen });
    }
    case "phone": {
      if (text === undefined) return again(session, ctx);
      const phone = parseThaiPhone(text);
      if (!phone) {
        const shown = Array.from(text).slice(0, 30).join("");
        return again(session, ctx, t("urgent.phoneInvalid", { text: shown }));
      }
      return answered(session, ctx, "phone", { kind: "phone", phone });
    }
  }
}
