import {
  assessEligibility,
  childFieldOf,
  eligibilityRequestSchema,
  parseTypedDate,
  translator,
} from "@sa/core";
import type { BotInput } from "../input";
import type { FlowContext, FlowResult } from "../context";
import { Action, encodePostback } from "../postback";
import { IDLE, renewed, type WelfareSession } from "../session";
import { postbackItem, textMessage } from "../messages/quick-reply";
import { answerOf } from "./answers";
import {
  ageAnswer,
  childCareHomeAnswer,
  hardshipAnswer,
  MAX_CHAT_CHILDREN,
  moneyAnswer,
  noChildInCareHome,
  situationAnswer,
  typedChoice,
  withChild,
} from "../welfare/answers";
import { welfarePrompt } from "../welfare/prompts";
import { resultMessages } from "../welfare/results";
import { interviewState, INTERESTS } from "../welfare/state";
import {
  CHILD_IN_CARE_HOME,
  nextTopic,
  topicFields,
  YES_NO_FIELDS,
  type Topic,
} from "../welfare/topics";

export { welfarePrompt };

export function startWelfare(ctx: FlowContext): FlowResult {
  const session: WelfareSession = {
    flow: "welfare",
    step: "interest",
    profile: {},
    history: [],
    expiresAt: "",
  };
  return { session: renewed(session, ctx), replies: [welfarePrompt(session, ctx)], commands: [] };
}

/** Where a topic is asked: its step, and the fields a list question shows. */
function stepOf(topic: Topic): Pick<WelfareSession, "step" | "shown"> {
  switch (topic.kind) {
    case "situation":
      return { step: "situation", shown: topic.fields };
    case "money":
      return topic.fields.length > 1
        ? { step: "money", shown: topic.fields }
        : { step: topic.fields[0]! };
    case "yesNo":
    case "childCareHome":
      return { step: topic.field };
    default:
      return { step: topic.kind };
  }
}

/** Asks the engine what is still open and moves to that question, or shows the results. */
function nextStep(session: WelfareSession, ctx: FlowContext): FlowResult {
  let current = session;
  for (;;) {
    const { topic, unaskable } = nextTopic(interviewState(current, ctx));
    if (topic) {
      const { shown: _shown, ...rest } = current;
      const moved = renewed({ ...rest, ...stepOf(topic) }, ctx);
      return { session: moved, replies: [welfarePrompt(moved, ctx)], commands: [] };
    }
    if (unaskable.length === 0) return finish(current, ctx);
    // A criterion newer than this interview: leave it unknown, the result says it is needed.
    current = { ...current, skipped: [...(current.skipped ?? []), ...unaskable] };
  }
}

function finish(session: WelfareSession, ctx: FlowContext): FlowResult {
  const state = interviewState(session, ctx);
  const assessment = assessEligibility(state.profile, {
    asOf: state.asOf,
    t: translator(ctx.language, "welfare"),
    benefits: state.benefits,
    ...(state.rules ? { rules: state.rules } : {}),
  });
  // The answers (age, income, health) live only in the session and are dropped here.
  return {
    session: IDLE,
    replies: [
      ...resultMessages(assessment, ctx),
      textMessage(ctx.t("welfareChat.done"), [
        postbackItem(ctx.t("welfareChat.again"), encodePostback(Action.menuWelfare)),
        postbackItem(ctx.t("menu.report"), encodePostback(Action.menuReport)),
      ]),
    ],
    commands: [],
  };
}

/** The fields "ไม่ทราบ" leaves unknown at a step. */
function fieldsAt(session: WelfareSession): string[] {
  switch (session.step) {
    case "situation":
    case "money":
      return session.shown ?? [];
    case "age":
    case "ageExact":
      return ["age"];
    case "children":
    case "childBirthDate":
      return topicFields({ kind: "children" });
    default:
      return [session.step];
  }
}

export function continueWelfare(
  session: WelfareSession,
  input: BotInput,
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  const { postback, text } = answerOf(input);
  const again = (notice?: string): FlowResult => ({
    session: renewed(session, ctx),
    replies: [...(notice ? [textMessage(notice)] : []), welfarePrompt(session, ctx)],
    commands: [],
  });

  // A photo, voice note or video has no answer in it (see keepsMedia): the question again.
  if (input.kind === "image" || input.kind === "audio" || input.kind === "video")
    return again(t("welfareChat.mediaNotUsed"));
  if (postback?.action === Action.welfareRestart) return startWelfare(ctx);
  if (postback?.action === Action.welfareBack) {
    const previous = session.history.at(-1);
    if (!previous) return again();
    const restored = renewed(
      {
        ...previous,
        flow: "welfare" as const,
        history: session.history.slice(0, -1),
        expiresAt: "",
      },
      ctx,
    );
    return { session: restored, replies: [welfarePrompt(restored, ctx)], commands: [] };
  }
  const tapped = postback?.action === Action.welfareAnswer ? postback.value : undefined;
  const date = input.kind === "postback" ? input.date : undefined;
  const value = tapped ?? typedChoice(text);
  // Each answer keeps the state before it, so "back" can undo exactly one step.
  const { history: _history, expiresAt: _expiry, flow: _flow, ...snapshot } = session;
  const answered = (changes: Partial<WelfareSession>): WelfareSession => ({
    ...session,
    ...changes,
    history: [...session.history, snapshot].slice(-20),
  });
  const withProfile = (
    profile: WelfareSession["profile"] | undefined,
    notice: string,
    changes: Partial<WelfareSession> = {},
  ) => {
    // The engine's own schema is the last word on what an answer may hold (ranges, lists).
    if (!profile || !eligibilityRequestSchema.safeParse(profile).success) return again(notice);
    return nextStep(answered({ ...changes, profile }), ctx);
  };
  const step = session.step;
  const today = interviewState(session, ctx).asOf;
  const chooseButton = t("welfareChat.chooseButton");

  if (step === "interest") {
    if (!tapped || !(tapped in INTERESTS)) return again(chooseButton);
    return nextStep(answered({ interest: tapped }), ctx);
  }
  if (value === "unknown" && step !== "moreChildren") {
    return nextStep(answered({ skipped: [...(session.skipped ?? []), ...fieldsAt(session)] }), ctx);
  }
  const child = childFieldOf(step);
  if (child?.fact === "livesInCareHome") {
    if (value !== "yes" && value !== "no") return again(chooseButton);
    return withProfile(
      childCareHomeAnswer(session.profile, child.index, value === "yes"),
      chooseButton,
    );
  }
  switch (step) {
    case "situation": {
      if (value === undefined) return again(chooseButton);
      const said = value === "no" ? "none" : value;
      const shown = session.shown ?? [];
      const childItem = shown.includes(CHILD_IN_CARE_HOME);
      if (childItem && said === CHILD_IN_CARE_HOME) {
        return nextStep(answered({ childCareHome: "some" }), ctx);
      }
      const profile = situationAnswer(session.profile, shown, said);
      if (!childItem || said !== "none") return withProfile(profile, chooseButton);
      return withProfile(profile && noChildInCareHome(profile), chooseButton, {
        childCareHome: "none",
      });
    }
    case "nationality":
      if (value !== "yes" && value !== "no") return again(chooseButton);
      return withProfile(
        { ...session.profile, nationality: value === "yes" ? "TH" : "ZZ" },
        chooseButton,
      );
    case "age":
    case "ageExact": {
      const said = tapped ?? text;
      return withProfile(
        said === undefined ? undefined : ageAnswer(session.profile, said, today),
        t("welfareChat.badAge"),
      );
    }
    case "children":
    case "childBirthDate":
    case "moreChildren": {
      const birthDate = date ?? (text === undefined ? undefined : parseTypedDate(text));
      if (birthDate !== undefined) {
        if (birthDate > today) return again(t("welfareChat.badDate"));
        const profile = withChild(session.profile, birthDate, session.childCareHome === "none");
        const full = (profile.children?.length ?? 0) >= MAX_CHAT_CHILDREN;
        if (full) return withProfile(profile, chooseButton);
        const updated = answered({ step: "moreChildren", profile });
        return {
          session: renewed(updated, ctx),
          replies: [welfarePrompt(updated, ctx)],
          commands: [],
        };
      }
      if (value === "no" || value === "unknown") {
        return withProfile(
          { ...session.profile, children: session.profile.children ?? [] },
          chooseButton,
        );
      }
      if (value === "yes" && step === "children") {
        const updated = answered({ step: "childBirthDate" });
        return {
          session: renewed(updated, ctx),
          replies: [welfarePrompt(updated, ctx)],
          commands: [],
        };
      }
      return again(step === "children" ? chooseButton : t("welfareChat.badDate"));
    }
    case "money":
    case "annualIncomePerPerson":
    case "financialAssets":
      return withProfile(
        moneyAnswer(session.profile, step, tapped, text, today, ctx.welfareRules),
        step === "money" ? chooseButton : t("welfareChat.badAmount"),
      );
    case "hardships":
      return withProfile(
        tapped === undefined
          ? value === "no"
            ? hardshipAnswer(session.profile, "none")
            : undefined
          : hardshipAnswer(session.profile, tapped),
        chooseButton,
      );
  }
  if ((YES_NO_FIELDS as readonly string[]).includes(step)) {
    if (value !== "yes" && value !== "no") return again(chooseButton);
    return withProfile({ ...session.profile, [step]: value === "yes" }, chooseButton);
  }
  // A step this version does not know (a session from older code): start again.
  return startWelfare(ctx);
}
