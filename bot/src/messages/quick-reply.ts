import type { messagingApi } from "@line/bot-sdk";

type QuickReplyItem = messagingApi.QuickReplyItem;

/** LINE cuts nothing itself: it rejects quick-reply labels over 20 characters. */
const LABEL_MAX = 20;
function label(text: string): string {
  const chars = Array.from(text);
  return chars.length <= LABEL_MAX ? text : chars.slice(0, LABEL_MAX - 1).join("") + "…";
}

export function postbackItem(text: string, data: string, displayText = text): QuickReplyItem {
  return {
    type: "action",
    action: { type: "postback", label: label(text), data, displayText },
  };
}

export function messageItem(text: string, sendText = text): QuickReplyItem {
  return { type: "action", action: { type: "message", label: label(text), text: sendText } };
}

export function locationItem(text: string): QuickReplyItem {
  return { type: "action", action: { type: "location", label: label(text) } };
}

/** LINE's own camera and camera-roll buttons: one tap to a photo, nothing typed. */
export function cameraItem(text: string): QuickReplyItem {
  return { type: "action", action: { type: "camera", label: label(text) } };
}

export function cameraRollItem(text: string): QuickReplyItem {
  return { type: "action", action: { type: "cameraRoll", label: label(text) } };
}

export function textMessage(text: string, items?: QuickReplyItem[]): messagingApi.TextMessage {
  return {
    type: "text",
    text,
    ...(items && items.length > 0 && { quickReply: { items: items.slice(0, 13) } }),
  };
}

/** LINE's date picker: the postback comes back with `params.date` (YYYY-MM-DD), no typing. */
export function datePickerItem(
  text: string,
  data: string,
  range: { min: string; max: string },
): QuickReplyItem {
  return {
    type: "action",
    action: { type: "datetimepicker", label: label(text), data, mode: "date", ...range },
  };
}
