import type { messagingApi } from "@line/bot-sdk";
import { categoryKey, formatDateTime, type Language, type Case, type Translate } from "@sa/core";
import { Action, encodePostback } from "../postback";
import { postbackItem, textMessage } from "./quick-reply";
import { placeName } from "./place-name";
import { myDataItem } from "./my-data";

/** A carousel holds at most 12 bubbles; the newest reports matter most. */
export const MY_REPORTS_LIMIT = 10;

const STATUS_COLOR: Record<Case["status"], string> = {
  new: "#9A4A00",
  acknowledged: "#1976D2",
  assigned: "#1976D2",
  in_progress: "#1976D2",
  referred: "#6A1B9A",
  resolved: "#2E7D32",
  closed: "#616161",
  reopened: "#9A4A00",
};

/** The citizen's own reports, newest first: ticket, category, status, last update. */
export function myReportsMessage(
  reports: Case[],
  t: Translate,
  language: Language,
): messagingApi.Message {
  if (reports.length === 0) {
    return textMessage(t("track.empty"), [
      postbackItem(t("menu.report"), encodePostback(Action.menuReport)),
      myDataItem(t),
    ]);
  }
  const bubbles: messagingApi.FlexBubble[] = reports.slice(0, MY_REPORTS_LIMIT).map(report => ({
    type: "bubble",
    size: "kilo",
    body: {
      type: "box",
      layout: "vertical",
      spacing: "sm",
      contents: [
        { type: "text", text: t("track.ticket", { ticket: report.ticket }), weight: "bold" },
        {
          type: "text",
          text: t(`category.name.${categoryKey(report.category)}`),
          size: "md",
          wrap: true,
        },
        {
          type: "text",
          text: t(`status.${report.status}`),
          size: "md",
          weight: "bold",
          color: STATUS_COLOR[report.status],
          wrap: true,
        },
        {
          type: "text",
          text: placeName(report.location, t, language),
          size: "md",
          color: "#555555",
          wrap: true,
        },
        {
          type: "text",
          text: t("track.updated", { date: formatDateTime(report.updatedAt, language) }),
          size: "md",
          color: "#555555",
        },
        ...(report.urgent
          ? [{ type: "text", text: t("track.urgent"), size: "md", color: "#C62828" } as const]
          : []),
      ],
    },
  }));
  return {
    type: "flex",
    altText: t("track.alt", { count: reports.length }),
    contents: { type: "carousel", contents: bubbles },
    quickReply: { items: [myDataItem(t)] },
  };
}
