import type { messagingApi } from "@line/bot-sdk";
import { childFieldOf, formatAmount, formatDate, HARDSHIPS } from "@sa/core";
import type { FlowContext } from "../context";
import { Action, encodePostback } from "../postback";
import type { WelfareSession } from "../session";
import { datePickerItem, postbackItem, textMessage } from "../messages/quick-reply";
import { moneyCeilings, roughlyMonthly } from "./money";
import { ageBands, MAX_AGE, type AgeBand } from "./topics";
import { interviewState, INTERESTS } from "./state";

type Message = messagingApi.Message;
type QuickReplyItem = messagingApi.QuickReplyItem;

/** The child grant stops at 6: the picker offers only birth dates that could still count. */
const CHILD_YEARS = 6;

export const answerData = (value: string) => encodePostback(Action.welfareAnswer, value);

/** How an age band reads on its button ("ต่ำกว่า 60 ปี", "60–69 ปี", "90 ปีขึ้นไป"). */
export function ageBandLabel(band: AgeBand, ctx: FlowContext): string {
  if (band.from === 0) return ctx.t("welfareChat.age.under", { age: band.to + 1 });
  if (band.to >= MAX_AGE) return ctx.t("welfareChat.age.over", { age: band.from });
  return ctx.t("welfareChat.age.range", { from: band.from, to: band.to });
}

function navigation(ctx: FlowContext, session: WelfareSession): QuickReplyItem[] {
  return [
    ...(session.history.length > 0
      ? [postbackItem(ctx.t("welfareChat.back"), encodePostback(Action.welfareBack))]
      : []),
    postbackItem(ctx.t("welfareChat.restart"), encodePostback(Action.welfareRestart)),
    postbackItem(ctx.t("common.cancel"), encodePostback(Action.cancel)),
  ];
}

function childDateRange(today: string) {
  const year = Number(today.slice(0, 4)) - CHILD_YEARS;
  return { min: `${year}${today.slice(4)}`.replace("-02-29", "-03-01"), max: today };
}

/** The question for the session's step, with a button for every answer and "ไม่ทราบ". */
export function welfarePrompt(session: WelfareSession, ctx: FlowContext): Message {
  const { t } = ctx;
  const nav = navigation(ctx, session);
  const answer = (label: string, value: string) => postbackItem(label, answerData(value));
  const dontKnow = answer(t("welfareChat.dontKnow"), "unknown");
  const step = session.step;
  const state = interviewState(session, ctx);

  if (step === "interest") {
    return textMessage(t("welfareChat.askInterest"), [
      ...Object.keys(INTERESTS).map(key => answer(t(`welfareChat.interest.${key}`), key)),
      postbackItem(t("common.cancel"), encodePostback(Action.cancel)),
    ]);
  }
  if (step === "situation") {
    const shown = session.shown ?? [];
    // After a tap the same list comes back with what is left, until "ไม่มีแล้ว".
    const first = session.history.at(-1)?.step !== "situation";
    const lines = shown.map(field => `• ${t(`welfareChat.situation.item.${field}`)}`);
    return textMessage(
      [t(first ? "welfareChat.situation.ask" : "welfareChat.situation.more"), ...lines].join("\n"),
      [
        ...shown.map(field => answer(t(`welfareChat.situation.button.${field}`), field)),
        answer(t(first ? "welfareChat.situation.none" : "welfareChat.situation.noMore"), "none"),
        dontKnow,
        ...nav,
      ],
    );
  }
  if (step === "age" || step === "ageExact") {
    const bands = step === "age" ? ageBands(state) : undefined;
    const question =
      session.profile.birthYearBE !== undefined
        ? t("welfareChat.ask.ageAfterYear", { year: session.profile.birthYearBE })
        : t(bands ? "welfareChat.ask.age" : "welfareChat.ask.ageTyped");
    return textMessage(question, [
      ...(bands ?? []).map(band => answer(ageBandLabel(band, ctx), `${band.from}-${band.to}`)),
      dontKnow,
      ...nav,
    ]);
  }
  if (step === "children" || step === "moreChildren" || step === "childBirthDate") {
    const more = step === "moreChildren";
    const count = session.profile.children?.length ?? 0;
    const question =
      step === "childBirthDate"
        ? t("welfareChat.askChildBirthDate", { number: count + 1 })
        : t(more ? "welfareChat.askMoreChildren" : "welfareChat.askChildren");
    return textMessage(question, [
      datePickerItem(
        t(more ? "welfareChat.childPickMore" : "welfareChat.childPick"),
        answerData("child"),
        childDateRange(state.asOf),
      ),
      answer(
        t(more || count > 0 ? "welfareChat.noMoreChildren" : "welfareChat.answer.haveNot"),
        "no",
      ),
      dontKnow,
      ...nav,
    ]);
  }
  if (step === "money" || step === "annualIncomePerPerson" || step === "financialAssets") {
    const ceilings = moneyCeilings(state.asOf, state.rules);
    const vars = (amount: number) => ({
      amount: formatAmount(amount),
      monthly: formatAmount(roughlyMonthly(amount)),
    });
    if (step === "money") {
      return textMessage(t("welfareChat.money.ask", vars(ceilings.income)), [
        ...["within", "incomeOver", "savingsOver", "bothOver"].map(value =>
          answer(t(`welfareChat.money.${value}`), value),
        ),
        dontKnow,
        ...nav,
      ]);
    }
    const amount = step === "financialAssets" ? ceilings.assets : ceilings.income;
    return textMessage(t(`welfareChat.ask.${step}`, vars(amount)), [
      answer(t("welfareChat.money.atMost", vars(amount)), "within"),
      answer(t("welfareChat.money.over", vars(amount)), "over"),
      dontKnow,
      ...nav,
    ]);
  }
  if (step === "hardships") {
    return textMessage(t("welfareChat.askHardships"), [
      ...HARDSHIPS.map(h => answer(t(`welfareChat.hardship.${h}`), h)),
      answer(t("welfareChat.noHardship"), "none"),
      dontKnow,
      ...nav,
    ]);
  }
  if (step === "nationality") {
    return textMessage(t("welfareChat.askNationality"), [
      answer(t("welfareChat.answer.have"), "yes"),
      answer(t("welfareChat.answer.haveNot"), "no"),
      dontKnow,
      ...nav,
    ]);
  }
  if (step === "poorOrWithoutSupport") {
    return textMessage(t("welfareChat.ask.poorOrWithoutSupport"), [
      answer(t("welfareChat.answer.enough"), "no"),
      answer(t("welfareChat.answer.notEnough"), "yes"),
      answer(t("welfareChat.answer.noOneToHelp"), "yes"),
      dontKnow,
      ...nav,
    ]);
  }
  const child = childFieldOf(step);
  if (child?.fact === "livesInCareHome") {
    const children = session.profile.children ?? [];
    const birthDate = children[child.index]?.birthDate ?? state.asOf;
    // With one child "น้อง" is enough; with several, which one is said by number and birthday.
    const question =
      children.length > 1
        ? t("welfareChat.childCareHome.askOf", {
            number: child.index + 1,
            date: formatDate(birthDate, ctx.language),
          })
        : t("welfareChat.childCareHome.ask");
    return textMessage(question, [
      answer(t("welfareChat.childCareHome.yes"), "yes"),
      answer(t("welfareChat.childCareHome.no"), "no"),
      dontKnow,
      ...nav,
    ]);
  }
  // The other yes/no facts, each answered the way the question is asked (มี / ได้รับ / อยู่).
  return textMessage(t(`welfareChat.ask.${step}`), [
    answer(t(`welfareChat.answer.${step}.yes`), "yes"),
    answer(t(`welfareChat.answer.${step}.no`), "no"),
    dontKnow,
    ...nav,
  ]);
}
