import type { messagingApi } from "@line/bot-sdk";
import { categoryKey, formatDateTime, type Language, type Case, type Translate } from "@sa/core";
import { Action, encodePostback } from "../postback";
import { placeName } from "./place-name";
import { postbackItem, textMessage } from "./quick-reply";

type FlexComponent = messagingApi.FlexComponent;

function row(label: string, value: string): FlexComponent {
  return {
    type: "box",
    layout: "baseline",
    spacing: "sm",
    contents: [
      { type: "text", text: label, size: "md", color: "#555555", flex: 2 },
      { type: "text", text: value, size: "md", flex: 5, wrap: true },
    ],
  };
}

/**
 * What staff see of a new or overdue case: ticket, category, urgency, district, time — never the
 * description or who reported it. The push shows on lock screens and shared phones, and a
 * domestic-violence or trafficking report must not leak there; details open in the LIFF app
 * behind a LINE sign-in.
 */
export function staffCaseAlert(
  report: Case,
  t: Translate,
  language: Language,
  options: { caseUrl: string; escalated?: boolean; title?: string },
): messagingApi.FlexMessage {
  const area = report.location?.area;
  const place = area
    ? placeName(
        { area: { ...area, subDistrict: undefined, subDistrictCode: undefined } },
        t,
        language,
      ) + (report.location?.approximate ? ` ${t("staff.approximate")}` : "")
    : t("staff.noPlace");
  const title = options.title
    ? options.title
    : options.escalated
      ? t("staff.escalatedTitle")
      : report.urgent
        ? t("staff.urgentTitle")
        : t("staff.newCaseTitle");
  const alt = options.escalated
    ? t("staff.escalatedAlt", { ticket: report.ticket })
    : t(report.urgent ? "staff.newCaseUrgentAlt" : "staff.newCaseAlt", { ticket: report.ticket });
  return {
    type: "flex",
    altText: alt,
    contents: {
      type: "bubble",
      size: "kilo",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "sm",
        contents: [
          {
            type: "text",
            text: title,
            weight: "bold",
            color: report.urgent || options.escalated ? "#C62828" : "#1976D2",
          },
          row(t("staff.ticket"), report.ticket),
          row(t("staff.category"), t(`category.name.${categoryKey(report.category)}`)),
          row(t("staff.place"), place),
          row(t("staff.time"), formatDateTime(report.createdAt, language)),
          ...(report.intake?.state === "stopped"
            ? [row(t("staff.intake"), t("staff.intakeStopped"))]
            : []),
        ],
      },
      footer: {
        type: "box",
        layout: "horizontal",
        spacing: "sm",
        contents: [
          {
            type: "button",
            style: "primary",
            height: "md",
            action: {
              type: "postback",
              label: t("staff.acknowledge"),
              data: encodePostback(Action.caseAcknowledge, report.ticket),
              displayText: t("staff.acknowledge"),
            },
          },
          {
            type: "button",
            style: "secondary",
            height: "md",
            action: { type: "uri", label: t("staff.open"), uri: options.caseUrl },
          },
        ],
      },
    },
  };
}

/** A volunteer's notice of a new assignment, with the case one tap away in the LIFF app. */
export function volunteerAssignment(
  report: Case,
  t: Translate,
  language: Language,
  caseUrl: string,
): messagingApi.FlexMessage {
  const alert = staffCaseAlert(report, t, language, { caseUrl, title: t("staff.assignedTitle") });
  return {
    ...alert,
    altText: t("staff.assignedAlt", { ticket: report.ticket }),
    contents: {
      ...(alert.contents as messagingApi.FlexBubble),
      footer: {
        type: "box",
        layout: "vertical",
        contents: [openButton(t, caseUrl)],
      },
    },
  };
}

function openButton(t: Translate, caseUrl: string): FlexComponent {
  return {
    type: "button",
    style: "primary",
    height: "md",
    action: { type: "uri", label: t("staff.open"), uri: caseUrl },
  };
}

/**
 * A short staff or volunteer notice about a case (taken by someone, referred, reopened, more
 * details of an urgent one...) with its "open" button. The text is also the alternative text,
 * so the lock screen, and an SMS made of it, read the same lock-screen-safe line.
 */
export function caseUpdateNotice(
  text: string,
  t: Translate,
  caseUrl: string,
): messagingApi.FlexMessage {
  return {
    type: "flex",
    altText: text,
    contents: {
      type: "bubble",
      size: "kilo",
      body: {
        type: "box",
        layout: "vertical",
        contents: [{ type: "text", text, wrap: true, size: "sm" }],
      },
      footer: { type: "box", layout: "vertical", contents: [openButton(t, caseUrl)] },
    },
  };
}

/** What a citizen hears of their case: never who was visited or what was found there. */
export type CitizenNotice =
  | "acknowledged"
  | "assigned"
  | "referred"
  | "resolved"
  | "closed"
  | "centreHasIt";

/** The short word a citizen hears when their case moves on; "resolved" asks them to confirm. */
export function citizenStatusNotice(
  ticket: string,
  status: CitizenNotice,
  t: Translate,
): messagingApi.Message {
  const text = t(`notify.${status}`, { ticket });
  if (status !== "resolved") return textMessage(text);
  return textMessage(text, [
    postbackItem(t("notify.solved"), encodePostback(Action.caseSolved, ticket)),
    postbackItem(t("notify.notSolved"), encodePostback(Action.caseNotSolved, ticket)),
  ]);
}

export function ratingQuestion(ticket: string, t: Translate): messagingApi.Message {
  return textMessage(
    t("notify.askRating"),
    [1, 2, 3, 4, 5].map(score =>
      postbackItem(
        "⭐".repeat(score),
        encodePostback(Action.caseRating, `${ticket}:${score}`),
        String(score),
      ),
    ),
  );
}
