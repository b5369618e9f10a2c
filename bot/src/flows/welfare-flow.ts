import type { messagingApi } from "@line/bot-sdk";
import {
  assessEligibility,
  BENEFIT_IDS,
  childIndexOfField,
  formatDate,
  HARDSHIPS,
  parseAgeAnswer,
  parseTypedDate,
  questionsNeeded,
  toAsciiDigits,
  translator,
  bangkokDate,
  type BenefitId,
  type EligibilityProfile,
} from "@sa/core";
import type { BotInput } from "../input";
import type { FlowContext, FlowResult } from "../context";
import { Action, encodePostback } from "../postback";
import { IDLE, renewed, type WelfareSession } from "../session";
import { postbackItem, textMessage } from "../messages/quick-reply";
import { eligibilityCarousel } from "../messages/eligibility-carousel";
import { answerOf } from "./answers";

type Message = messagingApi.Message;

/** The benefit groups offered first, so that nobody answers questions they did not need. */
const INTERESTS: Record<string, readonly BenefitId[]> = {
  all: BENEFIT_IDS,
  elderly: ["old_age_allowance"],
  disability: ["disability_allowance"],
  child: ["child_support_grant"],
  card: ["state_welfare_card"],
  hardship: ["family_hardship_aid"],
  hiv: ["hiv_allowance"],
};

const YES_NO_FIELDS = [
  "hasDisabilityCard",
  "hasStateWelfareCard",
  "receivesGovernmentPension",
  "livesInStateCareHome",
  "receivesOtherStateChildBenefit",
  "poorOrWithoutSupport",
  "hivCertified",
] as const;
type YesNoField = (typeof YES_NO_FIELDS)[number];

/** Only numbers people can say: ages to 130, baht up to a hundred million. */
const NUMBER_LIMITS: Record<string, number> = {
  age: 130,
  annualIncomePerPerson: 100_000_000,
  financialAssets: 10_000_000_000,
};

export function startWelfare(ctx: FlowContext): FlowResult {
  const session: WelfareSession = {
    flow: "welfare",
    step: "interest",
    profile: {},
    history: [],
    expiresAt: "",
  };
  return {
    session: renewed(session, ctx),
    replies: [welfarePrompt(session, ctx)],
    commands: [],
  };
}

function asOf(ctx: FlowContext): string {
  return bangkokDate(ctx.now);
}

function benefitsOf(session: WelfareSession): readonly BenefitId[] {
  return INTERESTS[session.interest ?? "all"] ?? BENEFIT_IDS;
}

/** The next question, or the results when nothing more is needed. */
function nextStep(session: WelfareSession, ctx: FlowContext): FlowResult {
  const needed = questionsNeeded(session.profile as EligibilityProfile, benefitsOf(session), {
    asOf: asOf(ctx),
    ...(ctx.welfareRules ? { rules: ctx.welfareRules } : {}),
  });
  const field = needed.fields[0];
  if (!field) return finish(session, ctx);
  const moved = renewed({ ...session, step: field }, ctx);
  return { session: moved, replies: [welfarePrompt(moved, ctx)], commands: [] };
}

function finish(session: WelfareSession, ctx: FlowContext): FlowResult {
  const assessment = assessEligibility(session.profile as EligibilityProfile, {
    asOf: asOf(ctx),
    t: translator(ctx.language, "welfare"),
    benefits: benefitsOf(session),
    ...(ctx.welfareRules ? { rules: ctx.welfareRules } : {}),
  });
  // The answers (age, income, health) live only in the session and are dropped here.
  return {
    session: IDLE,
    replies: [
      eligibilityCarousel(assessment, ctx.t),
      textMessage(ctx.t("welfareChat.done"), [
        postbackItem(ctx.t("welfareChat.again"), encodePostback(Action.menuWelfare)),
        postbackItem(ctx.t("menu.report"), encodePostback(Action.menuReport)),
      ]),
    ],
    commands: [],
  };
}

function navigation(ctx: FlowContext, session: WelfareSession) {
  return [
    ...(session.history.length > 0
      ? [postbackItem(ctx.t("welfareChat.back"), encodePostback(Action.welfareBack))]
      : []),
    postbackItem(ctx.t("welfareChat.restart"), encodePostback(Action.welfareRestart)),
    postbackItem(ctx.t("common.cancel"), encodePostback(Action.cancel)),
  ];
}

/** The question for the session's step, with its quick replies. */
export function welfarePrompt(session: WelfareSession, ctx: FlowContext): Message {
  const { t } = ctx;
  const nav = navigation(ctx, session);
  const answer = (label: string, value: string) =>
    postbackItem(label, encodePostback(Action.welfareAnswer, value));
  const step = session.step;
  if (step === "interest") {
    return textMessage(t("welfareChat.askInterest"), [
      ...Object.keys(INTERESTS).map(key => answer(t(`welfareChat.interest.${key}`), key)),
      postbackItem(t("common.cancel"), encodePostback(Action.cancel)),
    ]);
  }
  const childIndex = childIndexOfField(step);
  if (childIndex !== undefined) {
    const birthDate = session.profile.children?.[childIndex]?.birthDate ?? "";
    return textMessage(
      t("welfareChat.askChildNationality", {
        number: childIndex + 1,
        date: formatDate(birthDate, ctx.language),
      }),
      [answer(t("common.yes"), "yes"), answer(t("common.no"), "no"), ...nav],
    );
  }
  switch (step) {
    case "nationality":
      return textMessage(t("welfareChat.askNationality"), [
        answer(t("common.yes"), "yes"),
        answer(t("common.no"), "no"),
        ...nav,
      ]);
    case "age":
      // A birth year alone left the answer open (birthday passed or not): ask for more.
      return textMessage(
        session.profile.birthYearBE === undefined
          ? t("welfareChat.ask.age")
          : t("welfareChat.ask.ageAfterYear", { year: session.profile.birthYearBE }),
        nav,
      );
    case "annualIncomePerPerson":
      return textMessage(t(`welfareChat.ask.${step}`), nav);
    case "financialAssets":
      return textMessage(t("welfareChat.ask.financialAssets"), [
        answer(t("welfareChat.noSavings"), "0"),
        ...nav,
      ]);
    case "children":
      return textMessage(t("welfareChat.askChildren"), [
        answer(t("common.yes"), "yes"),
        answer(t("common.no"), "no"),
        ...nav,
      ]);
    case "childBirthDate":
      return textMessage(
        t("welfareChat.askChildBirthDate", { number: (session.profile.children?.length ?? 0) + 1 }),
        nav,
      );
    case "moreChildren":
      return textMessage(t("welfareChat.askMoreChildren"), [
        answer(t("welfareChat.addChild"), "yes"),
        answer(t("welfareChat.noMoreChildren"), "no"),
        ...nav,
      ]);
    case "hardships":
      return textMessage(t("welfareChat.askHardships"), [
        ...HARDSHIPS.map(h => answer(t(`welfareChat.hardship.${h}`), h)),
        answer(t("welfareChat.noHardship"), "none"),
        ...nav,
      ]);
    default:
      return textMessage(t(`welfareChat.ask.${step}`), [
        answer(t("common.yes"), "yes"),
        answer(t("common.no"), "no"),
        ...nav,
      ]);
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
  const value = postback?.action === Action.welfareAnswer ? postback.value : yesNo(text, ctx);
  // Each answer keeps the state before it, so "back" can undo exactly one step.
  const { history: _history, expiresAt: _expiry, flow: _flow, ...snapshot } = session;
  const answered = (changes: Partial<WelfareSession>): WelfareSession => ({
    ...session,
    ...changes,
    history: [...session.history, snapshot].slice(-20),
  });
  const step = session.step;

  if (step === "interest") {
    if (!value || !(value in INTERESTS)) return again(t("welfareChat.chooseButton"));
    return nextStep(answered({ interest: value }), ctx);
  }
  const childIndex = childIndexOfField(step);
  if (childIndex !== undefined) {
    if (value !== "yes" && value !== "no") return again(t("welfareChat.chooseButton"));
    const children = [...(session.profile.children ?? [])];
    children[childIndex] = { ...children[childIndex]!, nationality: value === "yes" ? "TH" : "ZZ" };
    return nextStep(answered({ profile: { ...session.profile, children } }), ctx);
  }
  switch (step) {
    case "nationality":
      if (value !== "yes" && value !== "no") return again(t("welfareChat.chooseButton"));
      // "ZZ" is the ISO code kept for "unknown": we only need to know it is not Thai.
      return nextStep(
        answered({ profile: { ...session.profile, nationality: value === "yes" ? "TH" : "ZZ" } }),
        ctx,
      );
    case "age": {
      const said = value ?? text;
      const given = said === undefined ? undefined : parseAgeAnswer(said, asOf(ctx));
      if (!given) return again(t("welfareChat.badAge"));
      // One way of giving the age replaces any other given before.
      const { age: _a, birthDate: _d, birthYearBE: _y, ...rest } = session.profile;
      return nextStep(answered({ profile: { ...rest, ...given } }), ctx);
    }
    case "annualIncomePerPerson":
    case "financialAssets": {
      const number = value !== undefined && /^\d+$/.test(value) ? Number(value) : parseAmount(text);
      if (number === undefined || number > NUMBER_LIMITS[step]!) {
        return again(t("welfareChat.badAmount"));
      }
      return nextStep(answered({ profile: { ...session.profile, [step]: number } }), ctx);
    }
    case "children":
      if (value === "no")
        return nextStep(answered({ profile: { ...session.profile, children: [] } }), ctx);
      if (value !== "yes") return again(t("welfareChat.chooseButton"));
      return {
        session: renewed(answered({ step: "childBirthDate" }), ctx),
        replies: [welfarePrompt({ ...session, step: "childBirthDate" }, ctx)],
        commands: [],
      };
    case "childBirthDate": {
      const date = text !== undefined ? parseTypedDate(text) : undefined;
      if (!date || date > asOf(ctx)) return again(t("welfareChat.badDate"));
      const children = [...(session.profile.children ?? []), { birthDate: date }];
      const updated = answered({ step: "moreChildren", profile: { ...session.profile, children } });
      return {
        session: renewed(updated, ctx),
        replies: [welfarePrompt(updated, ctx)],
        commands: [],
      };
    }
    case "moreChildren":
      if (value === "yes" && (session.profile.children?.length ?? 0) < 10) {
        const updated = answered({ step: "childBirthDate" });
        return {
          session: renewed(updated, ctx),
          replies: [welfarePrompt(updated, ctx)],
          commands: [],
        };
      }
      if (value !== "no" && value !== "yes") return again(t("welfareChat.chooseButton"));
      return nextStep(answered({}), ctx);
    case "hardships": {
      if (value === "none")
        return nextStep(answered({ profile: { ...session.profile, hardships: [] } }), ctx);
      const hardship = HARDSHIPS.find(h => h === value);
      if (!hardship) return again(t("welfareChat.chooseButton"));
      return nextStep(answered({ profile: { ...session.profile, hardships: [hardship] } }), ctx);
    }
  }
  if ((YES_NO_FIELDS as readonly string[]).includes(step)) {
    if (value !== "yes" && value !== "no") return again(t("welfareChat.chooseButton"));
    const field = step as YesNoField;
    return nextStep(answered({ profile: { ...session.profile, [field]: value === "yes" } }), ctx);
  }
  // A step this version does not know (a session from older code): start again.
  return startWelfare(ctx);
}

function yesNo(text: string | undefined, ctx: FlowContext): string | undefined {
  if (text === undefined) return undefined;
  const said = text.toLowerCase();
  if (["ใช่", "yes", "มี", "ไทย", ctx.t("common.yes").toLowerCase()].includes(said)) return "yes";
  if (["ไม่ใช่", "no", "ไม่", "ไม่มี", ctx.t("common.no").toLowerCase()].includes(said))
    return "no";
  return undefined;
}

/** "12,000", "๑๒๐๐๐", "12000 บาท" → 12000. */
function parseAmount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const digits = toAsciiDigits(text).replace(/[,\s]|บาท|baht|ปี|years?/gi, "");
  return /^\d{1,12}$/.test(digits) ? Number(digits) : undefined;
}
