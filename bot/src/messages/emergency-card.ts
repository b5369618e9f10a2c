import type { messagingApi } from "@line/bot-sdk";
import type { Translate } from "@sa/core";

/** The danger a message spoke of, when we know it: it decides which number comes first. */
export type EmergencyFocus = "violence" | "medical" | "fire" | "self_harm" | "social";

/** Thailand's emergency numbers, in the order shown when nothing says otherwise. */
const NUMBERS = ["191", "1669", "199", "1300", "1323"] as const;
type EmergencyNumber = (typeof NUMBERS)[number];

const FIRST: Record<EmergencyFocus, EmergencyNumber> = {
  violence: "191",
  medical: "1669",
  fire: "199",
  self_harm: "1323",
  social: "1300",
};

/**
 * A large card of `tel:` buttons, each with one line on when to call it. The number that fits
 * what was said comes first; the rest keep their order, so a person learns where each one is.
 */
export function emergencyCallCard(
  t: Translate,
  focus: EmergencyFocus = "violence",
): messagingApi.FlexMessage {
  const first = FIRST[focus];
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
                { type: "text", text: t(`emergency.n${number}.when`), size: "sm", wrap: true },
              ],
            }),
          ),
        ],
      },
    },
  };
}
