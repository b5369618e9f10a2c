import { removeKey, writeJson } from "../storage/local-json";
import { ID_TOKEN_NAME, personKey } from "../storage/phone-keys";
import type { Auth } from "./auth";
import { idTokenClaims } from "./id-token-claims";

/**
 * Keeps the person's LINE ID token, with when it expires, so that the next open on this phone
 * can send `GET /api/home` from index.html's inline script (vite.config.ts, `sendHomeEarly`)
 * while the app and the LIFF SDK are still downloading, instead of after liff.init: on a slow
 * link that round trip was the last thing a returning volunteer waited for.
 *
 * It is LINE's own token, which the LIFF SDK already keeps in this phone's storage; it is
 * valid for an hour and removed with the rest of the person's keys when they sign out, are
 * disabled or someone else opens the app (offline/device-store.ts). The server checks it as it
 * checks every request; the app uses the answer only when the person LIFF then signs in is the
 * one it was kept for (api-client.ts).
 */
export function keepIdToken(auth: Auth): void {
  const key = personKey(auth.userId, ID_TOKEN_NAME);
  const idToken = auth.idToken();
  const expiresAt = idToken ? expiryOf(idToken) : undefined;
  if (idToken && expiresAt) writeJson(key, { idToken, expiresAt });
  else removeKey(key);
}

/** The `exp` claim of a JWT, in ms; undefined for anything that is not one. */
function expiryOf(jwt: string): number | undefined {
  const exp = idTokenClaims(jwt)?.exp;
  return exp === undefined ? undefined : exp * 1000;
}
