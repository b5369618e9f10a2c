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
    const payload = atob((jwt.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/"));
    // atob gives one character per byte: the JSON is UTF-8, and LINE names are often Thai.
    const bytes = Uint8Array.from(payload, character => character.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
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
