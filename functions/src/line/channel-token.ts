/**
 * Where the Messaging API's Bearer token comes from.
 *
 * With a channel id configured, tokens are LINE's stateless channel access tokens, issued at
 * run time from the channel id and secret (`POST /oauth2/v3/token`, valid 15 minutes, no limit
 * on how many exist): rotating the channel secret or revoking tokens needs no redeploy, since
 * a refused token is dropped and a fresh one issued. Without a channel id, the long-lived token
 * from the `LINE_CHANNEL_ACCESS_TOKEN` secret is used as it is (rotating it needs a redeploy).
 */
export interface ChannelTokenProvider {
  /** A token to send now: the cached one, or a newly issued one. */
  token(signal?: AbortSignal): Promise<string>;
  /** LINE refused this token (401): forget it, so the next `token()` issues another. */
  invalidate(token: string): void;
  /** True when `invalidate` + `token` can give a different token (stateless tokens). */
  readonly renewable: boolean;
}

/** Issuing a token failed: wrong channel id or secret, or LINE unreachable. */
export class ChannelTokenError extends Error {
  constructor(
    message: string,
    /** The token endpoint's HTTP status; 0 when there was no answer. */
    readonly status: number,
  ) {
    super(message);
    this.name = "ChannelTokenError";
  }
}

/** The long-lived token from the secret, as it is. */
export function staticChannelToken(token: string): ChannelTokenProvider {
  return {
    token: async () => token,
    invalidate: () => undefined,
    renewable: false,
  };
}

export interface StatelessTokenOptions {
  apiBaseUrl: string;
  channelId: string;
  channelSecret: string;
  /** Epoch ms; tests move it. */
  now?: () => number;
  /** A cached token is replaced this long before it expires, so no call carries a dying one. */
  refreshMarginMs?: number;
}

/** Tokens are replaced a minute before their 15 minutes are up. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/**
 * Stateless channel access tokens, cached per instance until shortly before they expire.
 * Concurrent callers share one issuing request.
 */
export function statelessChannelToken(options: StatelessTokenOptions): ChannelTokenProvider {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? TOKEN_REFRESH_MARGIN_MS;
  let cached: { token: string; expiresAt: number } | undefined;
  let issuing: Promise<string> | undefined;

  const issue = async (signal?: AbortSignal): Promise<string> => {
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: options.channelId,
      client_secret: options.channelSecret,
    });
    let response: Response;
    try {
      response = await fetch(new URL("/oauth2/v3/token", options.apiBaseUrl), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        signal,
      });
    } catch (error) {
      throw new ChannelTokenError(`token request failed: ${String(error)}`.slice(0, 300), 0);
    }
    const text = await response.text();
    if (!response.ok) {
      // {"error": "invalid_client", "error_description": "..."}: no secret in it.
      throw new ChannelTokenError(
        `token refused: ${response.status} ${text}`.slice(0, 300),
        response.status,
      );
    }
    const parsed = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof parsed.access_token !== "string" || typeof parsed.expires_in !== "number") {
      throw new ChannelTokenError("token answer without access_token/expires_in", response.status);
    }
    cached = { token: parsed.access_token, expiresAt: now() + parsed.expires_in * 1000 };
    return parsed.access_token;
  };

  return {
    renewable: true,
    async token(signal) {
      if (cached && cached.expiresAt - margin > now()) return cached.token;
      cached = undefined;
      issuing ??= issue(signal).finally(() => {
        issuing = undefined;
      });
      return issuing;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

/** Stateless tokens when a channel id is set, else the long-lived token. */
export function channelTokenProvider(config: {
  apiBaseUrl: string;
  channelId: string;
  channelSecret: string;
  longLivedToken: string;
}): ChannelTokenProvider {
  if (!config.channelId) return staticChannelToken(config.longLivedToken);
  return statelessChannelToken(config);
}
