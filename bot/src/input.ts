import type { webhook } from "@line/bot-sdk";
import type { Area } from "@sa/core";

/** What a citizen did, reduced to what the conversation needs. */
export type BotInput =
  | { kind: "follow" }
  | { kind: "text"; text: string }
  /** `date` is what a date-picker button returned (YYYY-MM-DD). */
  | { kind: "postback"; data: string; date?: string }
  | {
      kind: "location";
      latitude: number;
      longitude: number;
      address?: string;
      area?: Area;
      /** The area came from the nearest sub-district centre, not from an address. */
      approximate?: boolean;
      /** The point is not in Thailand: no area can serve it. */
      outsideThailand?: boolean;
    }
  /** `photo` is the stored photo's path, set by the caller once the content is saved. */
  | { kind: "image"; messageId: string; photo?: string }
  | { kind: "unsupported"; messageType: string };

/**
 * Maps a LINE webhook event to an input, or undefined for events the bot does not answer
 * (unfollow, group joins, unknown future types): those are acknowledged and skipped.
 */
export function eventToInput(event: webhook.Event): BotInput | undefined {
  switch (event.type) {
    case "follow":
      return { kind: "follow" };
    case "postback": {
      const { data, params } = (event as webhook.PostbackEvent).postback;
      const date = params && "date" in params ? params.date : undefined;
      return { kind: "postback", data, ...(typeof date === "string" && { date }) };
    }
    case "message": {
      const message = (event as webhook.MessageEvent).message;
      switch (message.type) {
        case "text":
          return { kind: "text", text: (message as webhook.TextMessageContent).text };
        case "location": {
          const location = message as webhook.LocationMessageContent;
          return {
            kind: "location",
            latitude: location.latitude,
            longitude: location.longitude,
            ...(location.address && { address: location.address }),
          };
        }
        case "image":
          return { kind: "image", messageId: message.id };
        default:
          return { kind: "unsupported", messageType: message.type };
      }
    }
    default:
      return undefined;
  }
}
