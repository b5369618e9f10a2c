import type { messagingApi } from "@line/bot-sdk";
import { categoryKey, formatDateTime, type Language, type Case, type Translate } from "@sa/core";
import { Action, encodePostback } from "../postback";
import { postbackItem, textMessage } from "./quick-reply";

/** The newest reports shown in the summary; the alt text still counts them all. */
export const MY_DATA_LIMIT = 10;

/** What the summary says besides the reports: the citizen's language and a conversation. */
export interface MyDataFacts {
  language: Language;
  /** A report, urgent report or benefit check is under way (a draft is held). */
  conversation: boolean;
}

/** "ข้อมูลของฉัน" and "ลบข้อมูลของฉัน" as buttons: after tracking, and after the summary. */
export function myDataItem(t: Translate): messagingApi.QuickReplyItem {
  return postbackItem(t("myData.button"), encodePostback(Action.myData));
}

function line(text: string, options: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText {
  return { type: "text", text, size: "md", wrap: true, ...options };
}

function reportLines(report: Case, t: Translate, language: Language): messagingApi.FlexComponent[] {
  const yes = (value: boolean) => t(value ? "myData.yes" : "myData.no");
  return [
    { type: "separator", margin: "md" },
    line(t("track.ticket", { ticket: report.ticket }), { weight: "bold", margin: "md" }),
    line(`${t(`category.name.${categoryKey(report.category)}`)} · ${t(`status.${report.status}`)}`),
    line(
      t("myData.dates", {
        created: formatDateTime(report.createdAt, language),
        updated: formatDateTime(report.updatedAt, language),
      }),
      { size: "md", color: "#555555" },
    ),
    line(
      t("myData.holds", {
        description: yes(report.description.trim().length > 0),
        photos: report.photos.length,
        location: yes(report.location !== null),
        phone: yes(report.reporter.phone !== null),
      }),
      { size: "md" },
    ),
  ];
}

/**
 * What is held about the citizen, Thai first: their reports (ticket, category, status, dates,
 * and what each holds — never the words themselves), their language, and whether a
 * conversation is under way. Ends with the way to erase it.
 */
export function myDataMessage(
  reports: Case[],
  facts: MyDataFacts,
  t: Translate,
  language: Language,
): messagingApi.Message {
  const shown = reports.slice(0, MY_DATA_LIMIT);
  return {
    type: "flex",
    altText: t("myData.alt", { count: reports.length }),
    contents: {
      type: "bubble",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "sm",
        contents: [
          line(t("myData.title"), { weight: "bold", size: "md" }),
          line(t("myData.language", { language: t(`myData.languageName.${facts.language}`) })),
          line(t(facts.conversation ? "myData.conversationYes" : "myData.conversationNo")),
          line(
            reports.length === 0
              ? t("myData.noReports")
              : t("myData.reports", { count: reports.length }),
          ),
          ...shown.flatMap(report => reportLines(report, t, language)),
          { type: "separator", margin: "md" },
          line(t("myData.eraseHint"), { size: "md", color: "#555555", margin: "md" }),
        ],
      },
    },
    quickReply: {
      items: [
        postbackItem(t("myData.eraseButton"), encodePostback(Action.eraseAsk)),
        postbackItem(t("menu.track"), encodePostback(Action.menuTrack)),
      ],
    },
  };
}

/** The question before anything is erased: what goes, what it means, two buttons. */
export function eraseQuestion(t: Translate): messagingApi.Message {
  return textMessage(t("erase.confirm"), [
    postbackItem(t("erase.confirmButton"), encodePostback(Action.eraseConfirm)),
    postbackItem(t("erase.keepButton"), encodePostback(Action.eraseKeep)),
  ]);
}

/** After the erase: done, the request's id, and in one sentence what is kept and why. */
export function erasedMessage(requestId: string, t: Translate): messagingApi.Message {
  return textMessage(`${t("erase.done", { requestId })}\n\n${t("erase.kept")}`);
}
