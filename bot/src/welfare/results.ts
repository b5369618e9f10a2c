import type { messagingApi } from "@line/bot-sdk";
import { formatAmount, type EligibilityResponse, type EligibilityResult } from "@sa/core";
import type { FlowContext } from "../context";
import { textMessage } from "../messages/quick-reply";
import { eligibilityCarousel } from "../messages/eligibility-carousel";

const ORDER: EligibilityResult["status"][] = ["eligible", "unknown", "not_eligible"];

/** "เดือนละ 700 บาท", "สูงสุด 3,000 บาท ต่อครั้ง", or nothing for a card. */
export function amountText(result: EligibilityResult, ctx: FlowContext): string | undefined {
  if (result.oneOffAmount) {
    return ctx.t("welfareChat.oneOff", { amount: formatAmount(result.oneOffAmount) });
  }
  if (result.monthlyAmount) {
    return ctx.t("welfareChat.monthly", { amount: formatAmount(result.monthlyAmount) });
  }
  return undefined;
}

/** The short answer first: what the person can likely get and how much, one line each. */
export function resultSummary(assessment: EligibilityResponse, ctx: FlowContext): string {
  const { t } = ctx;
  const eligible = assessment.results.filter(r => r.status === "eligible");
  const open = assessment.results.filter(r => r.status === "unknown").length;
  const lines =
    eligible.length === 0
      ? [t("welfareChat.summary.none")]
      : [
          t("welfareChat.summary.eligible"),
          ...eligible.map(r => {
            const amount = amountText(r, ctx);
            return amount ? `• ${r.title} ${amount}` : `• ${r.title}`;
          }),
        ];
  if (open > 0) lines.push(t("welfareChat.summary.unknown", { count: open }));
  return lines.join("\n");
}

/** The summary, then the cards with the likely benefits first. */
export function resultMessages(
  assessment: EligibilityResponse,
  ctx: FlowContext,
): messagingApi.Message[] {
  const sorted = [...assessment.results].sort(
    (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status),
  );
  return [
    textMessage(resultSummary(assessment, ctx)),
    eligibilityCarousel({ ...assessment, results: sorted }, ctx.t, ctx.language),
  ];
}
