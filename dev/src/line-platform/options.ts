export interface LinePlatformOptions {
  /** Signs webhook bodies (x-line-signature) and the simulator's ID tokens. */
  channelSecret: string;
  /** Expected in "Authorization: Bearer ..." on every Messaging API call. */
  channelAccessToken: string;
  /** Where signed webhook events are POSTed; can be set later with setWebhookUrl. */
  webhookUrl?: string;
  /** The LIFF / LINE Login channel ID that ID tokens are issued for. */
  channelId?: string;
  /**
   * The Messaging API channel's ID: with `channelSecret`, the client credentials that
   * `POST /oauth2/v3/token` issues stateless channel access tokens for.
   */
  messagingChannelId?: string;
  replyTokenTtlMs?: number;
  /** How long a webhook POST may take before the stand-in gives up on it. */
  webhookTimeoutMs?: number;
}

export interface ResolvedOptions {
  channelSecret: string;
  channelAccessToken: string;
  webhookUrl: string | undefined;
  channelId: string;
  messagingChannelId: string;
  replyTokenTtlMs: number;
  webhookTimeoutMs: number;
}

export function resolveOptions(options: LinePlatformOptions): ResolvedOptions {
  return {
    channelSecret: options.channelSecret,
    channelAccessToken: options.channelAccessToken,
    webhookUrl: options.webhookUrl,
    channelId: options.channelId ?? "1234567890",
    messagingChannelId: options.messagingChannelId ?? "2000000001",
    replyTokenTtlMs: options.replyTokenTtlMs ?? 60_000,
    // A cold Functions emulator can take many seconds on its first request.
    webhookTimeoutMs: options.webhookTimeoutMs ?? 60_000,
  };
}
