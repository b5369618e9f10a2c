import * as z from "zod/mini";

/**
 * What the bot reads from an event of a type it handles, checked before anything uses it:
 * ids end up in Firestore document paths and LINE API URLs, texts in sessions and reports.
 * The signature proves a body came from LINE, not that every field has the shape we expect
 * (and the channel secret could leak). An event that does not fit is skipped and logged.
 */

/** LINE user ids are "U" and 32 hex digits; anything path-safe and short is accepted. */
const lineId = z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/));

/** Lone surrogates cannot be stored as UTF-8: they become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  );
}

/** LINE caps a text message at 5,000 characters (10,000 UTF-16 units if all are emoji). */
export const MAX_WEBHOOK_TEXT = 10_000;
/** LINE caps postback data at 300 characters. */
export const MAX_POSTBACK_DATA = 300;

const source = z.union([
  z.looseObject({ type: z.literal("user"), userId: lineId }),
  z.looseObject({ type: z.enum(["group", "room"]) }),
]);

const base = {
  webhookEventId: z.string().check(z.regex(/^[0-9A-Za-z]{1,64}$/)),
  timestamp: z.number(),
  source: z.optional(source),
  replyToken: z.optional(z.string().check(z.maxLength(256))),
};

const message = z.union([
  z.looseObject({
    type: z.literal("text"),
    id: lineId,
    text: z.pipe(
      z.string().check(z.minLength(1), z.maxLength(MAX_WEBHOOK_TEXT)),
      z.transform(wellFormed),
    ),
  }),
  z.looseObject({
    type: z.literal("location"),
    id: lineId,
    latitude: z.number().check(z.minimum(-90), z.maximum(90)),
    longitude: z.number().check(z.minimum(-180), z.maximum(180)),
    // Stored with the report (at most 500): a longer one is cut, never refused.
    address: z.pipe(
      z.optional(z.string()),
      z.transform(a =>
        a === undefined ? undefined : Array.from(wellFormed(a)).slice(0, 200).join(""),
      ),
    ),
    title: z.optional(z.string()),
  }),
  // The id goes into the content URL and the photo's path.
  z.looseObject({ type: z.literal("image"), id: lineId }),
  // Stickers, audio, video, files: answered "not supported"; only the type is read.
  z.looseObject({
    type: z.string().check(
      z.regex(/^[a-z]{1,20}$/),
      z.refine(type => !["text", "location", "image"].includes(type)),
    ),
  }),
]);

export const handledEventSchema = z.discriminatedUnion("type", [
  z.looseObject({ ...base, type: z.literal("message"), message }),
  z.looseObject({
    ...base,
    type: z.literal("postback"),
    postback: z.looseObject({
      data: z.pipe(z.string().check(z.maxLength(MAX_POSTBACK_DATA)), z.transform(wellFormed)),
    }),
  }),
  z.looseObject({ ...base, type: z.literal("follow") }),
]);

/** The types the bot answers; any other type is acknowledged and skipped as before. */
export const HANDLED_EVENT_TYPES = new Set(["message", "postback", "follow"]);

export type EventCheck = { ok: true; event: unknown } | { ok: false; fields: string[] };

/** Checks an event of a handled type; events of other types pass through untouched. */
export function checkEvent(event: { type: string }): EventCheck {
  if (!HANDLED_EVENT_TYPES.has(event.type)) return { ok: true, event };
  const parsed = handledEventSchema.safeParse(event);
  if (parsed.success) return { ok: true, event: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map(i => i.path.join(".")))] };
}
