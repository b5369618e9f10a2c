import type { Auth } from "../liff/auth";
import { keepIdToken } from "../liff/kept-id-token";
import { readText, removeKey, writeText } from "../storage/local-json";
import { LAST_PERSON_KEY, personOfKey } from "../storage/phone-keys";

/**
 * What the app keeps on the phone for one person is under `sa.{lineUserId}.` (phone-keys.ts):
 * drafts being typed, the outbox of submissions waiting for a signal, who they are (`me`) and
 * their LINE ID token while it is valid (liff/kept-id-token.ts). Never case lists,
 * case details or photos: a lost or shared phone must not carry a province's cases.
 */
function keys(): string[] {
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? "");
  } catch {
    return [];
  }
}

/** Removes everything kept for this person (drafts, outbox, me, the kept ID token). */
export function clearPersonStore(userId: string): void {
  for (const key of keys()) if (personOfKey(key) === userId) removeKey(key);
}

/**
 * At each open: when someone else used the app last on this phone (the other person signed out
 * of LINE), what was kept for them is removed, unsent drafts included. The person's ID token is
 * kept for the next open's early home request.
 */
export function openAs(auth: Auth): void {
  const { userId } = auth;
  for (const key of keys()) {
    const owner = personOfKey(key);
    if (owner && owner !== userId) removeKey(key);
  }
  if (readText(LAST_PERSON_KEY) !== userId) writeText(LAST_PERSON_KEY, userId);
  keepIdToken(auth);
}
