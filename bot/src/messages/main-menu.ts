import type { messagingApi } from "@line/bot-sdk";
import type { Language, Translate } from "@sa/core";
import { Action, encodePostback } from "../postback";
import { postbackItem } from "./quick-reply";

/** The rich menu's actions again as quick replies, for chats where the menu is hidden. */
export function mainMenuItems(t: Translate, language: Language): messagingApi.QuickReplyItem[] {
  const other: Language = language === "th" ? "en" : "th";
  return [
    postbackItem(t("menu.report"), encodePostback(Action.menuReport)),
    postbackItem(t("menu.track"), encodePostback(Action.menuTrack)),
    postbackItem(t("menu.welfare"), encodePostback(Action.menuWelfare)),
    postbackItem(t("menu.call1300"), encodePostback(Action.menuHotline)),
    postbackItem(t("menu.nearby"), encodePostback(Action.menuNearby)),
    postbackItem(t("menu.otherLanguage"), encodePostback(Action.language, other)),
  ];
}
