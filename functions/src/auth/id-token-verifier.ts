/** Who a LIFF ID token says the caller is, after LINE has verified it. */
export interface VerifiedCaller {
  userId: string;
  name: string | undefined;
  /** The token's `iat` (seconds): with the user id, names one sign-in. */
  issuedAt: number | undefined;
}

export class InvalidIdToken extends Error {
  override name = "InvalidIdToken";
}

/** LINE did not answer in time, or answered 5xx: the token may be good, ask again later. */
export class IdTokenCheckUnavailable extends Error {
  override name = "IdTokenCheckUnavailable";
}

export type IdTokenVerifier = (idToken: string) => Promise<VerifiedCaller>;

/** How long a token LINE refused is refused here without asking LINE again. */
export const REFUSED_TOKEN_TTL_MS = 60_000;
/** At most this many refused tokens are remembered per instance (oldest forgotten first). */
export const REFUSED_TOKEN_LIMIT = 5_000;
/** A verification LINE has not answered in this long is abandoned (503 to the caller). */
export const VERIFY_TIMEOUT_MS = 5_000;
const VERIFIED_TOKEN_LIMIT = 10_000;

/**
 * Verifies a LIFF ID token with LINE (`POST /oauth2/v2.1/verify`), which checks the signature,
 * the channel (`client_id` must be the token's audience) and the expiry. Never trust a user id
 * the client sends: only the token's `sub`.
 *
 * - Verified tokens are remembered until they expire, so a screen that makes five calls costs
 *   one verification. This only says who the caller is: the account (role, area, `disabled`) is
 *   read from Firestore on every request, so a disabled account loses access at once.
 * - Tokens LINE refused are refused here for a minute without asking LINE, so one client
 *   replaying junk cannot make each request a call to LINE.
 * - A call LINE does not answer in 5 s is abandoned, so a slow LINE cannot hang requests.
 */
export function lineIdTokenVerifier(options: {
  apiBaseUrl: string;
  channelId: string;
  now?: () => number;
  timeoutMs?: number;
  refusedLimit?: number;
}): IdTokenVerifier {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? VERIFY_TIMEOUT_MS;
  const refusedLimit = options.refusedLimit ?? REFUSED_TOKEN_LIMIT;
  const verified = new Map<string, { caller: VerifiedCaller; expiresAt: number }>();
  const refused = new Map<string, number>();

  const refuse = (idToken: string, reason: string): never => {
    refused.delete(idToken);
    if (refused.size >= refusedLimit) {
      const oldest = refused.keys().next().value;
      if (oldest !== undefined) refused.delete(oldest);
    }
    refused.set(idToken, now() + REFUSED_TOKEN_TTL_MS);
    throw new InvalidIdToken(reason);
  };

  return async idToken => {
    const cached = verified.get(idToken);
    if (cached && cached.expiresAt > now()) return cached.caller;
    const refusedUntil = refused.get(idToken);
    if (refusedUntil !== undefined) {
      if (refusedUntil > now()) throw new InvalidIdToken("LINE rejected the ID token");
      refused.delete(idToken);
    }

    let response: Response;
    try {
      response = await fetch(`${options.apiBaseUrl}/oauth2/v2.1/verify`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ id_token: idToken, client_id: options.channelId }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new IdTokenCheckUnavailable(`ID token verification did not answer: ${String(error)}`);
    }
    if (response.status === 400) return refuse(idToken, "LINE rejected the ID token");
    if (!response.ok) {
      throw new IdTokenCheckUnavailable(`ID token verification failed: ${response.status}`);
    }
    let claims: { sub?: string; name?: string; exp?: number; iat?: number; aud?: string };
    try {
      claims = (await response.json()) as typeof claims;
    } catch (error) {
      throw new IdTokenCheckUnavailable(`ID token verification answered: ${String(error)}`);
    }
    if (!claims.sub || claims.aud !== options.channelId)
      return refuse(idToken, "Token is not for this channel");
    const caller: VerifiedCaller = {
      userId: claims.sub,
      name: claims.name,
      issuedAt: typeof claims.iat === "number" ? claims.iat : undefined,
    };
    if (verified.size >= VERIFIED_TOKEN_LIMIT) verified.clear();
    verified.set(idToken, { caller, expiresAt: (claims.exp ?? 0) * 1000 });
    return caller;
  };
}
