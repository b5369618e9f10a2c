import type { messagingApi } from "@line/bot-sdk";
import type { EligibilityResponse, EligibilityResult, Language, Translate } from "@sa/core";
import { formatAmount, formatDate } from "@sa/core";

type FlexComponent = messagingApi.FlexComponent;

const VERDICT_COLOUR: Record<EligibilityResult["status"], string> = {
  eligible: "#2E7D32",
  not_eligible: "#757575",
  unknown: "#9A4A00",
};

function small(text: string, color = "#555555"): FlexComponent {
  return { type: "text", text, size: "md", wrap: true, color };
}

function section(title: string, lines: string[]): FlexComponent[] {
  if (lines.length === 0) return [];
  return [
    { type: "text", text: title, size: "md", weight: "bold", margin: "md" },
    ...lines.map(line => small(`• ${line}`)),
  ];
}

function bubble(
  result: EligibilityResult,
  t: Translate,
  language: Language,
): messagingApi.FlexBubble {
  const amount =
    result.status === "not_eligible"
      ? undefined
      : result.oneOffAmount
        ? t("welfareChat.oneOff", { amount: formatAmount(result.oneOffAmount) })
        : result.monthlyAmount
          ? t("welfareChat.monthly", { amount: formatAmount(result.monthlyAmount) })
          : undefined;
  return {
    type: "bubble",
    size: "mega",
    body: {
      type: "box",
      layout: "vertical",
      spacing: "sm",
      contents: [
        { type: "text", text: result.title, weight: "bold", size: "md", wrap: true },
        {
          type: "text",
          text: t(`welfareChat.verdict.${result.status}`),
          weight: "bold",
          color: VERDICT_COLOUR[result.status],
        },
        ...(amount ? [{ type: "text", text: amount, size: "lg", weight: "bold" } as const] : []),
        // The reason in one line under the verdict; the details follow below it.
        ...(result.reasons.length > 0 ? [small(result.reasons.join(" "), "#333333")] : []),
        ...(result.status === "not_eligible"
          ? []
          : [
              ...section(t("welfareChat.documents"), result.documents),
              ...section(t("welfareChat.applyAt"), [result.applyAt]),
            ]),
        ...section(t("welfareChat.notes"), result.notes),
        // The version that decided, by its source and the day it took effect.
        small(
          t("welfareChat.source", {
            title: result.source.title,
            date: formatDate(result.source.effective, language),
          }),
          "#555555",
        ),
      ],
    },
    footer: {
      type: "box",
      layout: "vertical",
      contents: [
        {
          type: "button",
          style: "link",
          height: "md",
          action: { type: "uri", label: t("welfareChat.ask1300"), uri: "tel:1300" },
        },
      ],
    },
  };
}

/** One card per benefit: verdict, amount, reasons, documents, where to apply, and 1300. */
export function eligibilityCarousel(
  assessment: EligibilityResponse,
  t: Translate,
  language: Language,
): messagingApi.FlexMessage {
  const eligible = assessment.results.filter(r => r.status === "eligible").length;
  return {
    type: "flex",
    altText: t("welfareChat.resultsAlt", { eligible, total: assessment.results.length }),
    contents: { type: "carousel", contents: assessment.results.map(r => bubble(r, t, language)) },
  };
}
