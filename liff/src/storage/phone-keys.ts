/**
 * The names the app keeps things under on the phone. index.html's inline script (vite.config.ts)
 * reads some of them before any of the app has loaded, so they live here, in a module that
 * imports nothing.
 */

/** "en" when English was chosen; Thai otherwise. */
export const LANGUAGE_KEY = "sa.language";

/** The LINE user id of whoever used the app last on this phone. */
export const LAST_PERSON_KEY = "sa.lastUser";

/**
 * What is kept for one person is under `sa.{lineUserId}.`, so that it can be removed with them
 * (offline/device-store.ts).
 */
export const personKey = (userId: string, name: string): string => `sa.${userId}.${name}`;

/** Whose a key is (the LINE user id of `personKey`), or undefined for a key of the phone's. */
export const personOfKey = (key: string): string | undefined => /^sa\.(U[^.]+)\./.exec(key)?.[1];

/** Of `personKey`'s names: the LINE ID token the next open sends first (kept-id-token.ts). */
export const ID_TOKEN_NAME = "idToken";
