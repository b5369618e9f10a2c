import type { messagingApi } from "@line/bot-sdk";
import type { Translate } from "@sa/core";

/** Call buttons for the 1300 hotline and 191 police: `tel:` opens the phone's dialler. */
export function hotlineMessage(t: Translate): messagingApi.FlexMessage {
  return {
    type: "flex",
    altText: t("hotline.alt"),
    contents: {
      type: "bubble",
      size: "kilo",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "md",
        contents: [
          { type: "text", text: t("hotline.title"), weight: "bold", size: "lg", color: "#C62828" },
          { type: "text", text: t("hotline.body"), wrap: true, size: "sm" },
        ],
      },
      footer: {
        type: "box",
        layout: "vertical",
        spacing: "sm",
        contents: [
          {
            type: "button",
            style: "primary",
            color: "#C62828",
            action: { type: "uri", label: t("common.hotline1300"), uri: "tel:1300" },
          },
          {
            type: "button",
            style: "secondary",
            action: { type: "uri", label: t("common.police191"), uri: "tel:191" },
          },
        ],
      },
    },
  };
}
