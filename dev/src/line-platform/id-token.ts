import { createHmac, timingSafeEqual } from "node:crypto";
import { isObject } from "./message-validation";
import type { JsonObject } from "./state";

/**
 * LIFF ID tokens. Real ones are ES256 JWTs signed by LINE; the stand-in signs HS256 with the
 * channel secret, which is fine because only the stand-in's own verify endpoint reads them.
 */
export function signIdToken(claims: JsonObject, secret: string): string {
  const header = base64url(JSON.stringify({ typ: "JWT", alg: "HS256" }));
  const payload = base64url(JSON.stringify(claims));
  return `${header}.${payload}.${signature(`${header}.${payload}`, secret)}`;
}

/** The claims of a token this stand-in signed, or null for anything else. */
export function readIdToken(token: string, secret: string): JsonObject | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [header, payload, given] = parts as [string, string, string];
  const expected = Buffer.from(signature(`${header}.${payload}`, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return isObject(claims) ? claims : null;
  } catch {
    return null;
  }
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

function signature(input: string, secret: string): string {
  return createHmac("sha256", secret).update(input).digest("base64url");
}
