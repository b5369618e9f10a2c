import { newMessageId, newQuoteToken, newWebhookEventId } from "./ids";
import { isObject } from "./message-validation";
import type { JsonObject, PlatformState, SimUser } from "./state";

/** A simulator request that cannot become a LINE event; answered with 400 or 409. */
export class SimInputError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface BuiltEvent {
  event: JsonObject;
  webhookEventId: string;
  replyToken: string | null;
}

const MESSAGE_KINDS = ["text", "image", "video", "audio", "file", "location", "sticker"];

/**
 * Turns a simulator request into a webhook event shaped as LINE's reference describes it, with the
 * side effects of the user's action: a reply token, stored content, the conversation log, the
 * follow state. A known webhookEventId resends that same event, as LINE's redelivery does.
 */
export function buildEvent(state: PlatformState, user: SimUser, input: unknown): BuiltEvent {
  if (!isObject(input)) throw new SimInputError("an event object is required");
  const wanted = typeof input.webhookEventId === "string" ? input.webhookEventId : undefined;
  const previous = wanted ? state.deliveredEvents.get(wanted) : undefined;
  if (wanted && previous) {
    const event: JsonObject = {
      ...previous,
      deliveryContext: { isRedelivery: input.isRedelivery !== false },
    };
    const replyToken = typeof event.replyToken === "string" ? event.replyToken : null;
    return { event, webhookEventId: wanted, replyToken };
  }

  const type = String(input.type ?? "");
  const now = Date.now();
  const webhookEventId = wanted ?? newWebhookEventId(now);
  const base: JsonObject = {
    mode: "active",
    timestamp: now,
    source: { type: "user", userId: user.userId },
    webhookEventId,
    deliveryContext: { isRedelivery: input.isRedelivery === true },
  };

  if (type !== "follow" && !user.following) {
    throw new SimInputError(
      "this user has blocked the account (unfollow); send a follow event first",
      409,
    );
  }

  let event: JsonObject;
  let logged: JsonObject | null;
  if (MESSAGE_KINDS.includes(type)) {
    const message = buildMessage(state, type, input);
    event = { type: "message", ...base, replyToken: state.issueReplyToken(user.userId), message };
    logged = message;
  } else if (type === "postback") {
    if (typeof input.data !== "string" || input.data === "") {
      throw new SimInputError("postback needs data");
    }
    const postback: JsonObject = { data: input.data };
    if (isObject(input.params)) postback.params = input.params;
    event = { type: "postback", ...base, replyToken: state.issueReplyToken(user.userId), postback };
    // displayText is not sent to the bot; LINE shows it in the chat as if the user typed it.
    logged = { type: "postback", ...postback };
    if (typeof input.displayText === "string") logged.displayText = input.displayText;
  } else if (type === "follow") {
    event = {
      type: "follow",
      ...base,
      replyToken: state.issueReplyToken(user.userId),
      follow: { isUnblocked: user.hasBlocked },
    };
    user.following = true;
    logged = { type: "follow", isUnblocked: user.hasBlocked };
  } else if (type === "unfollow") {
    // Unfollow events carry no reply token: the user can no longer be answered.
    event = { type: "unfollow", ...base };
    user.following = false;
    user.hasBlocked = true;
    user.loadingUntil = null;
    logged = { type: "unfollow" };
  } else {
    throw new SimInputError(
      `unknown event type "${type}"; use one of ${[...MESSAGE_KINDS, "postback", "follow", "unfollow"].join(", ")}`,
    );
  }

  state.deliveredEvents.set(webhookEventId, event);
  if (logged) state.record(user.userId, "user", "webhook", logged);
  const replyToken = typeof event.replyToken === "string" ? event.replyToken : null;
  return { event, webhookEventId, replyToken };
}

function buildMessage(state: PlatformState, type: string, input: JsonObject): JsonObject {
  const id = newMessageId();
  const content = storeContent(state, id, input);
  switch (type) {
    case "text":
      if (typeof input.text !== "string" || input.text === "") {
        throw new SimInputError("text needs a non-empty text");
      }
      return { id, type, quoteToken: newQuoteToken(), text: input.text };
    case "image":
      if (!content) throw new SimInputError("image needs contentBase64 (and contentType)");
      return { id, type, quoteToken: newQuoteToken(), contentProvider: { type: "line" } };
    case "video":
      return {
        id,
        type,
        quoteToken: newQuoteToken(),
        duration: numberOr(input.duration, 5000),
        contentProvider: { type: "line" },
      };
    case "audio":
      return {
        id,
        type,
        duration: numberOr(input.duration, 3000),
        contentProvider: { type: "line" },
      };
    case "file":
      return {
        id,
        type,
        fileName: typeof input.fileName === "string" ? input.fileName : "document.pdf",
        fileSize: content ? content.length : numberOr(input.fileSize, 1024),
      };
    case "location": {
      if (typeof input.latitude !== "number" || typeof input.longitude !== "number") {
        throw new SimInputError("location needs numeric latitude and longitude");
      }
      const message: JsonObject = {
        id,
        type,
        latitude: input.latitude,
        longitude: input.longitude,
      };
      if (typeof input.title === "string") message.title = input.title;
      if (typeof input.address === "string") message.address = input.address;
      return message;
    }
    default:
      return {
        id,
        type: "sticker",
        quoteToken: newQuoteToken(),
        packageId: typeof input.packageId === "string" ? input.packageId : "446",
        stickerId: typeof input.stickerId === "string" ? input.stickerId : "1988",
        stickerResourceType: "STATIC",
        keywords: ["Happy", "Smile"],
      };
  }
}

/** Keeps uploaded bytes for the content endpoint, like LINE's servers do for a while. */
function storeContent(state: PlatformState, id: string, input: JsonObject): Buffer | null {
  if (typeof input.contentBase64 !== "string" || input.contentBase64 === "") return null;
  const data = Buffer.from(input.contentBase64, "base64");
  const fallback = input.type === "image" ? "image/jpeg" : "application/octet-stream";
  const contentType = typeof input.contentType === "string" ? input.contentType : fallback;
  const media = input.type === "audio" || input.type === "video";
  state.contents.set(id, {
    contentType,
    data,
    ...(media && { preparingChecks: Math.max(0, Math.floor(numberOr(input.preparingChecks, 0))) }),
    ...(media && input.preparationFails === true && { preparationFails: true }),
  });
  return data;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}
