/** The claims of a LINE ID token (a JWT) that the app reads: whose it is, and until when. */
export interface IdTokenClaims {
  sub?: string;
  name?: string;
  /** Seconds since 1970, as JWTs count. */
  exp?: number;
}

/**
 * Reads a token's claims without checking its signature: the app only uses them to know whose
 * token it holds and until when. The API verifies every token it is sent with LINE.
 */
export function idTokenClaims(jwt: string): IdTokenClaims | undefined {
  try {
    const payload = jwt.split(".")[1] ?? "";
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    if (typeof claims !== "object" || claims === null) return undefined;
    const { sub, name, exp } = claims as Record<string, unknown>;
    return {
      ...(typeof sub === "string" && { sub }),
      ...(typeof name === "string" && { name }),
      ...(typeof exp === "number" && { exp }),
    };
  } catch {
    return undefined;
  }
}
