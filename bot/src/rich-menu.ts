import type { messagingApi } from "@line/bot-sdk";
import type { Language, Translate } from "@sa/core";
import { Action, encodePostback } from "./postback";

/**
 * The four main actions, in a 2500×843 menu of four equal columns (LINE's compact size).
 * The call button is a `tel:` link so that a person in danger reaches 1300 in one tap.
 */
export function richMenu(t: Translate): messagingApi.RichMenuRequest {
  const width = 625;
  const column = (index: number, action: messagingApi.Action): messagingApi.RichMenuArea => ({
    bounds: { x: index * width, y: 0, width, height: 843 },
    action,
  });
  return {
    size: { width: 2500, height: 843 },
    selected: true,
    name: "main-menu",
    chatBarText: "เมนู / Menu",
    areas: [
      column(0, {
        type: "postback",
        label: t("menu.report"),
        data: encodePostback(Action.menuReport),
        displayText: t("menu.report"),
      }),
      column(1, {
        type: "postback",
        label: t("menu.welfare"),
        data: encodePostback(Action.menuWelfare),
        displayText: t("menu.welfare"),
      }),
      column(2, {
        type: "postback",
        label: t("menu.track"),
        data: encodePostback(Action.menuTrack),
        displayText: t("menu.track"),
      }),
      column(3, { type: "uri", label: t("menu.call1300"), uri: "tel:1300" }),
    ],
  };
}

/**
 * The rich menu alias of a language, which `npm run setup:line` points at that language's menu
 * (rebuilt menus get new ids; the alias stays): the chat links a user to it when they switch.
 */
export const richMenuAlias = (language: Language) => `main-${language}`;
