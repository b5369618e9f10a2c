import { createHash, randomBytes, randomUUID } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const USER_ID_PATTERN = /^U[0-9a-f]{32}$/;

/** LINE user IDs match U[0-9a-f]{32}. */
export function newUserId(): string {
  return "U" + randomBytes(16).toString("hex");
}

let messageCounter = 0;

/** LINE message IDs are numeric strings of about 18 digits; these are unique per process. */
export function newMessageId(): string {
  messageCounter = (messageCounter + 1) % 100_000;
  return `${Date.now()}${String(messageCounter).padStart(5, "0")}`;
}

export function newReplyToken(): string {
  return randomBytes(16).toString("hex");
}

export function newQuoteToken(): string {
  return randomBytes(48).toString("base64url");
}

/** webhookEventId is a ULID: 10 characters of millisecond time, 16 of randomness. */
export function newWebhookEventId(now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = [...randomBytes(16)].map(b => CROCKFORD[b % 32]).join("");
  return time + random;
}

export function newRequestId(): string {
  return randomUUID();
}

export function newRichMenuId(): string {
  return "richmenu-" + randomBytes(16).toString("hex");
}

/** The bot's own user ID, sent as `destination`; stable for a channel so tests can predict it. */
export function botUserIdFor(channelId: string): string {
  return "U" + createHash("sha256").update(`bot:${channelId}`).digest("hex").slice(0, 32);
}

/** Stateless channel access tokens are opaque strings; these are long and random. */
export function newStatelessToken(): string {
  return "stateless-" + randomBytes(32).toString("base64url");
}
