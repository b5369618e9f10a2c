/**
 * The ID token LINE put in this open's URL (`#access_token=…&id_token=…`, where liff.init reads
 * it), or null. None while LINE's `liff.state` is in the address: liff.init is about to take
 * the person to the page their link named, and the app waits for it.
 *
 * Self-contained on purpose: index.html's inline script runs this same function, from its source
 * text (vite.config.ts), to ask for the home before the app has downloaded.
 */
export function handedIdTokenIn(search: string, fragment: string): string | null {
  return new URLSearchParams(search).has("liff.state")
    ? null
    : new URLSearchParams(fragment.replace(/^#/, "")).get("id_token");
}
