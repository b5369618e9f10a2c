import type { messagingApi } from "@line/bot-sdk";
import type { EmergencyNumber, Translate } from "@sa/core";

/** Thailand's emergency numbers, in the order shown when nothing says otherwise. */
const NUMBERS: readonly EmergencyNumber[] = ["191", "1669", "199", "1300", "1323"];

/**
 * A large card of `tel:` buttons, each with one line on when to call it. The number that fits
 * what was said comes first; the rest keep their order, so a person learns where each one is.
 */
export function emergencyCallCard(
  t: Translate,
  first: EmergencyNumber = "191",
): messagingApi.FlexMessage {
  const ordered = [first, ...NUMBERS.filter(n => n !== first)];
  return {
    type: "flex",
    altText: t("emergency.alt"),
    contents: {
      type: "bubble",
      size: "mega",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "lg",
        contents: [
          {
            type: "text",
            text: t("emergency.title"),
            weight: "bold",
            size: "xl",
            color: "#C62828",
            wrap: true,
          },
          ...ordered.map(
            (number, i): messagingApi.FlexComponent => ({
              type: "box",
              layout: "vertical",
              spacing: "xs",
              contents: [
                {
                  type: "button",
                  style: i === 0 ? "primary" : "secondary",
                  ...(i === 0 && { color: "#C62828" }),
                  height: "md",
                  action: {
                    type: "uri",
                    label: t(`emergency.n${number}.label`),
                    uri: `tel:${number}`,
                  },
                },
                { type: "text", text: t(`emergency.n${number}.when`), size: "md", wrap: true },
              ],
            }),
          ),
        ],
      },
    },
  };
}
