import { createHmac } from "node:crypto";

export interface WebhookResult {
  /** The webhook's HTTP status, or 0 when it could not be reached or timed out. */
  status: number;
  responseBody: string;
  error?: string;
}

/** x-line-signature: base64 HMAC-SHA256 of the raw body, keyed with the channel secret. */
export function signBody(body: string | Buffer, channelSecret: string): string {
  return createHmac("sha256", channelSecret).update(body).digest("base64");
}

export async function postWebhook(
  url: string,
  body: string,
  signature: string,
  timeoutMs: number,
): Promise<WebhookResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "x-line-signature": signature,
        "user-agent": "LineBotWebhook/2.0",
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, responseBody: await response.text() };
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return {
      status: 0,
      responseBody: "",
      error: `${error instanceof Error ? error.message : String(error)}${cause}`,
    };
  }
}
