import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { Readable } from "node:stream";
import { ChannelTokenError, type ChannelTokenProvider } from "./channel-token";

/** How a push ended, and what the outbox should do about it. */
export type PushOutcome =
  | { kind: "sent" }
  /** 409: LINE already accepted this retry key, so the message went out before. */
  | { kind: "already_sent" }
  /**
   * Try again later with the same retry key: rate limit (429), 5xx, timeout, network, and a
   * token LINE still refuses (401/403) after a fresh one was issued.
   */
  | { kind: "retry"; cause: RetryCause; error: string; retryAfterMs?: number }
  /** 429 "You have reached your monthly limit.": nothing goes out until the quota is raised. */
  | { kind: "quota"; error: string; retryAfterMs?: number }
  /** Other 4xx (unknown user, invalid message): trying again will not help. */
  | { kind: "rejected"; error: string };

export type RetryCause = "rate_limit" | "server" | "timeout" | "network" | "auth";

export interface LinePlatform {
  reply(replyToken: string, messages: messagingApi.Message[]): Promise<void>;
  push(to: string, messages: messagingApi.Message[], retryKey: string): Promise<PushOutcome>;
  profileLanguage(userId: string): Promise<string | undefined>;
  /** The content of an image, audio or video message; refused past `maxBytes`. */
  content(messageId: string, maxBytes?: number): Promise<{ bytes: Buffer; contentType: string }>;
  /**
   * Whether LINE has finished preparing an audio or video message's content
   * (GET /v2/bot/message/{messageId}/content/transcoding): it may not be ready at once.
   */
  preparation(messageId: string): Promise<"processing" | "succeeded" | "failed">;
  /**
   * Links the user to the rich menu an alias points at (GET /v2/bot/richmenu/alias/{id}, then
   * POST /v2/bot/user/{userId}/richmenu/{richMenuId}).
   */
  linkRichMenu(userId: string, richMenuAliasId: string): Promise<void>;
}

export interface LineConfig {
  tokens: ChannelTokenProvider;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
  /** The whole push (token, call, one renewal) gives up after this; default PUSH_TIMEOUT_MS. */
  pushTimeoutMs?: number;
  /** Epoch ms, for reading an HTTP-date Retry-After. */
  now?: () => number;
}

/** Photos larger than this are refused: LINE itself caps images at 10 MB. */
export const MAX_CONTENT_BYTES = 10 * 1024 * 1024;
/** Voice notes and videos larger than this are refused (about 3 minutes of phone video). */
export const MAX_MEDIA_BYTES = 50 * 1024 * 1024;

/**
 * A push that has not answered in 10 s is abandoned and retried later with the same retry key
 * (LINE answers 409 if the first one did go through). Well inside the outbox's claim lease, so
 * a slow push is never still running when another sender may claim the item.
 */
export const PUSH_TIMEOUT_MS = 10_000;

/** LINE's 429 body for an exhausted monthly message quota; any other 429 is a rate limit. */
const MONTHLY_LIMIT = /monthly limit/i;

export function createLinePlatform(config: LineConfig): LinePlatform {
  const { tokens } = config;
  const now = config.now ?? Date.now;
  const pushTimeoutMs = config.pushTimeoutMs ?? PUSH_TIMEOUT_MS;

  // The SDK's clients take the token when built: keep the pair for the current token.
  let clients:
    | {
        token: string;
        client: messagingApi.MessagingApiClient;
        blob: messagingApi.MessagingApiBlobClient;
      }
    | undefined;
  const clientsFor = (token: string) => {
    if (clients?.token !== token) {
      clients = {
        token,
        client: new messagingApi.MessagingApiClient({
          channelAccessToken: token,
          baseURL: config.apiBaseUrl,
        }),
        blob: new messagingApi.MessagingApiBlobClient({
          channelAccessToken: token,
          baseURL: config.dataApiBaseUrl,
        }),
      };
    }
    return clients;
  };

  /** Runs a call with the current token; on a 401, once more with a freshly issued one. */
  const withToken = async <T>(call: (token: string) => Promise<T>): Promise<T> => {
    const token = await tokens.token();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof HTTPFetchError) || error.status !== 401 || !tokens.renewable)
        throw error;
      tokens.invalidate(token);
      return call(await tokens.token());
    }
  };

  const postPush = (
    token: string,
    to: string,
    messages: messagingApi.Message[],
    retryKey: string,
    signal: AbortSignal,
  ) =>
    fetch(new URL("/v2/bot/message/push", config.apiBaseUrl), {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "x-line-retry-key": retryKey,
      },
      body: JSON.stringify({ to, messages }),
      signal,
    });

  return {
    async reply(replyToken, messages) {
      // A 401 is refused before the reply token is looked at, so trying again is safe.
      await withToken(token => clientsFor(token).client.replyMessage({ replyToken, messages }));
    },

    // Sent with fetch rather than the SDK's client so the call can be timed out and LINE's
    // headers (Retry-After) read; the request is the same one the SDK makes.
    async push(to, messages, retryKey) {
      const signal = AbortSignal.timeout(pushTimeoutMs);
      try {
        let token = await tokens.token(signal);
        let response = await postPush(token, to, messages, retryKey, signal);
        if (response.status === 401 && tokens.renewable) {
          await response.body?.cancel();
          tokens.invalidate(token);
          token = await tokens.token(signal);
          response = await postPush(token, to, messages, retryKey, signal);
        }
        return await pushOutcome(response, now());
      } catch (error) {
        if (signal.aborted) {
          return { kind: "retry", cause: "timeout", error: `no answer in ${pushTimeoutMs} ms` };
        }
        if (error instanceof ChannelTokenError) {
          // Refused credentials are an auth problem; an unreachable token endpoint is not.
          const cause = error.status === 0 ? "network" : "auth";
          return { kind: "retry", cause, error: error.message };
        }
        return { kind: "retry", cause: "network", error: String(error).slice(0, 300) };
      }
    },

    async profileLanguage(userId) {
      const profile = await withToken(token => clientsFor(token).client.getProfile(userId));
      return profile.language;
    },

    async preparation(messageId) {
      const answer = await withToken(token =>
        clientsFor(token).blob.getMessageContentTranscodingByMessageId(messageId),
      );
      return answer.status;
    },

    async linkRichMenu(userId, richMenuAliasId) {
      await withToken(async token => {
        const { client } = clientsFor(token);
        const { richMenuId } = await client.getRichMenuAlias(richMenuAliasId);
        await client.linkRichMenuIdToUser(userId, richMenuId);
      });
    },

    async content(messageId, maxBytes = MAX_CONTENT_BYTES) {
      const response = await withToken(token =>
        clientsFor(token).blob.getMessageContentWithHttpInfo(messageId),
      );
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as Readable) {
        size += chunk.length;
        if (size > maxBytes) throw new ContentTooLarge();
        chunks.push(Buffer.from(chunk));
      }
      const contentType = response.httpResponse.headers.get("content-type") ?? "image/jpeg";
      return { bytes: Buffer.concat(chunks), contentType };
    },
  };
}

/** The content is larger than the bot accepts: the citizen is told, nothing is kept. */
export class ContentTooLarge extends Error {
  constructor() {
    super("content too large");
  }
}

/** What LINE's answer to a push means for the outbox. */
async function pushOutcome(response: Response, now: number): Promise<PushOutcome> {
  const text = await response.text();
  if (response.ok) return { kind: "sent" };
  if (response.status === 409) return { kind: "already_sent" };
  const message = lineErrorMessage(text);
  // LINE's error messages name the problem, never the message's content.
  const error = `${response.status} ${message ?? text}`.slice(0, 300);
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const later = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (response.status === 401 || response.status === 403) {
    return { kind: "retry", cause: "auth", error };
  }
  if (response.status === 429) {
    if (message && MONTHLY_LIMIT.test(message)) return { kind: "quota", error, ...later };
    return { kind: "retry", cause: "rate_limit", error, ...later };
  }
  if (response.status >= 500) return { kind: "retry", cause: "server", error, ...later };
  return { kind: "rejected", error };
}

function lineErrorMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === "string" ? body.message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Retry-After as milliseconds from now: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * LINE does not document sending it, but a proxy or a future LINE may; honoured when present.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
