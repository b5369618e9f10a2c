import type { messagingApi } from "@line/bot-sdk";
import type { Translate } from "@sa/core";
import { Action, encodePostback } from "../postback";
import { postbackItem } from "./quick-reply";

/**
 * The first question of a report. Danger is answered before anything else, without a step of
 * its own: a red button above the question and the first quick reply both mean "someone is in
 * danger now"; the categories follow as quick replies.
 */
export function categoryQuestion(
  t: Translate,
  categories: messagingApi.QuickReplyItem[],
  question = t("report.askCategory"),
): messagingApi.FlexMessage {
  const danger = encodePostback(Action.urgent);
  return {
    type: "flex",
    altText: question,
    contents: {
      type: "bubble",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "lg",
        contents: [
          {
            type: "button",
            style: "primary",
            color: "#C62828",
            height: "md",
            action: {
              type: "postback",
              label: t("urgent.dangerButton"),
              data: danger,
              displayText: t("urgent.dangerButton"),
            },
          },
          { type: "text", text: question, size: "md", wrap: true },
        ],
      },
    },
    quickReply: {
      items: [
        postbackItem(t("urgent.dangerShort"), danger, t("urgent.dangerButton")),
        ...categories,
      ].slice(0, 13),
    },
  };
}
