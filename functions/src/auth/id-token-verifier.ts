/** Who a LIFF ID token says the caller is, after LINE has verified it. */
export interface VerifiedCaller {
  userId: string;
  name: string | undefined;
}

export class InvalidIdToken extends Error {
  override name = "InvalidIdToken";
}

export type IdTokenVerifier = (idToken: string) => Promise<VerifiedCaller>;

/**
 * Verifies a LIFF ID token with LINE (`POST /oauth2/v2.1/verify`), which checks the signature,
 * the channel (`client_id` must be the token's audience) and the expiry. Verified tokens are
 * remembered until they expire, so a screen that makes five calls costs one verification.
 * Never trust a user id the client sends: only the token's `sub`.
 */
export function lineIdTokenVerifier(options: {
  apiBaseUrl: string;
  channelId: string;
  now?: () => number;
}): IdTokenVerifier {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { caller: VerifiedCaller; expiresAt: number }>();
  return async idToken => {
    const cached = cache.get(idToken);
    if (cached && cached.expiresAt > now()) return cached.caller;
    const response = await fetch(`${options.apiBaseUrl}/oauth2/v2.1/verify`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ id_token: idToken, client_id: options.channelId }),
    });
    if (response.status === 400) throw new InvalidIdToken("LINE rejected the ID token");
    if (!response.ok) throw new Error(`ID token verification failed: ${response.status}`);
    const claims = (await response.json()) as {
      sub?: string;
      name?: string;
      exp?: number;
      aud?: string;
    };
    if (!claims.sub || claims.aud !== options.channelId)
      throw new InvalidIdToken("Token is not for this channel");
    const caller = { userId: claims.sub, name: claims.name };
    if (cache.size > 10_000) cache.clear();
    cache.set(idToken, { caller, expiresAt: (claims.exp ?? 0) * 1000 });
    return caller;
  };
}
