import type * as z from "zod/mini";

/**
 * Where a value lives: "local" stays on the phone, "session" only until the tab is closed.
 * Looked up inside each try: a browser that refuses storage throws on the lookup itself.
 */
export type StorageArea = "local" | "session";
const storageOf = (area: StorageArea): Storage =>
  area === "session" ? sessionStorage : localStorage;

/**
 * localStorage (or sessionStorage) holding JSON. Everything read back is validated: the app may have changed
 * shape since a draft was written on this phone weeks ago, and a stale draft must not crash.
 */
export function readJson<T>(
  key: string,
  schema: z.ZodMiniType<T>,
  area: StorageArea = "local",
): T | undefined {
  try {
    const text = storageOf(area).getItem(key);
    if (text === null) return undefined;
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** False when the browser refused (storage full, private mode): the caller tells the person. */
export function writeJson(key: string, value: unknown, area: StorageArea = "local"): boolean {
  try {
    storageOf(area).setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(key: string, area: StorageArea = "local"): void {
  try {
    storageOf(area).removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept, so nothing is left to remove.
  }
}

export function readText(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeText(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // A preference that cannot be kept is asked again next time; nothing else depends on it.
  }
}
