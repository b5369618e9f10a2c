import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { Readable } from "node:stream";

/** The part of the LINE platform the functions use; tests and the stand-in speak the same API. */
/** How a push ended: worth retrying, or not. */
export type PushOutcome =
  | { kind: "sent" }
  /** 409: LINE already accepted this retry key, so the message went out before. */
  | { kind: "already_sent" }
  /** 429, 5xx, timeouts, network: try again later with the same retry key. */
  | { kind: "retry"; error: string }
  /** Other 4xx (blocked account, invalid message): trying again will not help. */
  | { kind: "rejected"; error: string };

export interface LinePlatform {
  reply(replyToken: string, messages: messagingApi.Message[]): Promise<void>;
  push(to: string, messages: messagingApi.Message[], retryKey: string): Promise<PushOutcome>;
  profileLanguage(userId: string): Promise<string | undefined>;
  content(messageId: string): Promise<{ bytes: Buffer; contentType: string }>;
}

export interface LineConfig {
  channelAccessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
}

/** Photos larger than this are refused: LINE itself caps images at 10 MB. */
export const MAX_CONTENT_BYTES = 10 * 1024 * 1024;

export function createLinePlatform(config: LineConfig): LinePlatform {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: config.channelAccessToken,
    baseURL: config.apiBaseUrl,
  });
  const blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: config.channelAccessToken,
    baseURL: config.dataApiBaseUrl,
  });
  return {
    async reply(replyToken, messages) {
      await client.replyMessage({ replyToken, messages });
    },
    async push(to, messages, retryKey) {
      try {
        await client.pushMessage({ to, messages }, retryKey);
        return { kind: "sent" };
      } catch (error) {
        if (!(error instanceof HTTPFetchError)) return { kind: "retry", error: String(error) };
        if (error.status === 409) return { kind: "already_sent" };
        const detail = `${error.status} ${error.body}`.slice(0, 300);
        if (error.status === 429 || error.status >= 500) return { kind: "retry", error: detail };
        return { kind: "rejected", error: detail };
      }
    },
    async profileLanguage(userId) {
      const profile = await client.getProfile(userId);
      return profile.language;
    },
    async content(messageId) {
      const response = await blob.getMessageContentWithHttpInfo(messageId);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as Readable) {
        size += chunk.length;
        if (size > MAX_CONTENT_BYTES) throw new Error("content too large");
        chunks.push(Buffer.from(chunk));
      }
      const contentType = response.httpResponse.headers.get("content-type") ?? "image/jpeg";
      return { bytes: Buffer.concat(chunks), contentType };
    },
  };
}
