import type { messagingApi } from "@line/bot-sdk";
import {
  formatThaiPhone,
  truncate,
  type Language,
  type ReportDraft,
  type Translate,
} from "@sa/core";
import { Action, encodePostback } from "../postback";
import { placeName } from "./place-name";

type FlexComponent = messagingApi.FlexComponent;

function row(label: string, value: string): FlexComponent {
  return {
    type: "box",
    layout: "baseline",
    spacing: "sm",
    contents: [
      { type: "text", text: label, size: "sm", color: "#888888", flex: 3, wrap: true },
      { type: "text", text: value, size: "sm", flex: 6, wrap: true },
    ],
  };
}

/** The answers so far, to confirm, edit or cancel before anything is saved. */
export function reportSummaryMessage(
  draft: ReportDraft,
  t: Translate,
  language: Language,
): messagingApi.FlexMessage {
  const category = draft.category ? t(`category.name.${draft.category}`) : t("common.notGiven");
  const postback = (label: string, action: string, style: "primary" | "secondary" | "link") =>
    ({
      type: "button",
      style,
      height: "sm",
      action: { type: "postback", label, data: encodePostback(action), displayText: label },
    }) satisfies FlexComponent;
  return {
    type: "flex",
    altText: t("report.summaryAlt"),
    contents: {
      type: "bubble",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "md",
        contents: [
          { type: "text", text: t("report.summaryTitle"), weight: "bold", size: "lg" },
          { type: "separator" },
          row(t("report.fieldCategory"), category),
          // The whole description is kept; the bubble shows its start so it stays readable.
          row(t("report.fieldDescription"), truncate(draft.description ?? "", 300)),
          row(t("report.fieldLocation"), placeName(draft.location, t, language)),
          row(
            t("report.fieldPhotos"),
            t("report.photoCount", { count: draft.photos?.length ?? 0 }),
          ),
          row(
            t("report.fieldPhone"),
            draft.phone && draft.consent !== "without_phone"
              ? formatThaiPhone(draft.phone)
              : t("common.notGiven"),
          ),
        ],
      },
      footer: {
        type: "box",
        layout: "vertical",
        spacing: "sm",
        contents: [
          postback(t("report.confirm"), Action.confirm, "primary"),
          postback(t("report.edit"), Action.edit, "secondary"),
          postback(t("common.cancel"), Action.cancel, "link"),
        ],
      },
    },
  };
}
