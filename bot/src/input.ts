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
  /**
   * `photo` is the stored photo's path, set by the caller once the content is saved; `refused`
   * says why it was not (not really an image, too large, not ready, failed).
   */
  | { kind: "image"; messageId: string; photo?: string; refused?: MediaRefusal }
  /** A voice note or a video; `media` is the stored file's path, as `photo` above. */
  | {
      kind: "audio" | "video";
      messageId: string;
      durationMs: number;
      media?: string;
      refused?: MediaRefusal;
    }
  | { kind: "unsupported"; messageType: string };

export type MediaRefusal = "type" | "size" | "preparing" | "failed";

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
        case "audio":
        case "video": {
          const duration = (message as webhook.AudioMessageContent).duration;
          return {
            kind: message.type,
            messageId: message.id,
            durationMs: typeof duration === "number" && duration >= 0 ? Math.round(duration) : 0,
          };
        }
        default:
          return { kind: "unsupported", messageType: message.type };
      }
    }
    default:
      return undefined;
  }
}
