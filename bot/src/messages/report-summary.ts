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

/** Labels beside the answers: 7.5:1 on white, readable with poor eyesight (WCAG AA wants 4.5). */
export const LABEL_GREY = "#555555";

function row(label: string, value: string): FlexComponent {
  return {
    type: "box",
    layout: "baseline",
    spacing: "sm",
    contents: [
      { type: "text", text: label, size: "md", color: LABEL_GREY, flex: 3, wrap: true },
      { type: "text", text: value, size: "md", flex: 6, wrap: true },
    ],
  };
}

/** 75,000 ms → "1:15": how long a voice note or video is, as a phone shows it. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The description's start, or the voice note that tells the story, and any video sent. */
function describe(draft: ReportDraft, t: Translate): string {
  const voice = draft.media?.find(media => media.kind === "audio");
  const videos = draft.media?.filter(media => media.kind === "video").length ?? 0;
  const parts = [
    draft.description
      ? truncate(draft.description, 300)
      : voice
        ? t("report.voiceNote", { duration: formatDuration(voice.durationMs) })
        : "",
    videos > 0 ? t("report.videoCount", { count: videos }) : "",
  ];
  return parts.filter(Boolean).join("\n") || t("common.notGiven");
}

/**
 * The answers so far, to agree and send in one tap, edit or cancel before anything is saved.
 * The consent is one line here with its full text one tap away; cancel sits apart from the
 * send button, below a separator, so a shaking thumb does not hit it by mistake.
 */
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
      height: "md",
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
          row(t("report.fieldDescription"), describe(draft, t)),
          row(t("report.fieldLocation"), placeName(draft.location, t, language)),
          row(
            t("report.fieldPhotos"),
            t("report.photoCount", { count: draft.photos?.length ?? 0 }),
          ),
          row(
            t("report.fieldPhone"),
            draft.phone ? formatThaiPhone(draft.phone) : t("common.notGiven"),
          ),
          { type: "separator" },
          { type: "text", text: t("report.summaryConsent"), size: "md", wrap: true },
        ],
      },
      footer: {
        type: "box",
        layout: "vertical",
        spacing: "sm",
        contents: [
          postback(t("report.confirm"), Action.confirm, "primary"),
          postback(t("report.readConsent"), Action.consentText, "link"),
          postback(t("report.edit"), Action.edit, "secondary"),
          { type: "separator", margin: "xl" },
          postback(t("common.cancel"), Action.cancel, "link"),
        ],
      },
    },
  };
}
