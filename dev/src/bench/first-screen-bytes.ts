import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";

/** What one script or stylesheet the browser fetched weighs, and whose it is. */
export interface FetchedFile {
  name: string;
  gzipBytes: number;
  kind: "app" | "liff-sdk" | "local-only" | "css";
}

/** The LIFF SDK is LINE's; the mock and the "who am I" picker load only on the local stack. */
const LIFF_SDK = /^liff-sdk-/;
const LOCAL_ONLY = /^(liff-mock|who-am-i)-/;

function kindOf(name: string): FetchedFile["kind"] {
  if (name.endsWith(".css")) return "css";
  if (LIFF_SDK.test(name)) return "liff-sdk";
  if (LOCAL_ONLY.test(name)) return "local-only";
  return "app";
}

/**
 * Waits until the screen is usable: a heading containing `heading` shows and nothing on it is
 * still loading (the app's `Loading` placeholder, `.loading`), so the volunteer's list shows its
 * cases and the queue its rows. Checked by the page itself at every frame, cheap selectors only:
 * on a 4×-slowed CPU a role query over a list of cases costs more than what it measures.
 * Returns when that was, in ms since the navigation started (the page's own clock).
 */
export async function waitUntilUsable(
  page: Page,
  heading: string,
  timeout = 180_000,
): Promise<number> {
  const usableAt = await page.waitForFunction(
    text => {
      const headings = document.querySelectorAll("h1, h2");
      const shown = Array.from(headings).some(h => h.textContent?.includes(text));
      return shown && !document.querySelector(".loading") ? performance.now() : false;
    },
    heading,
    { timeout, polling: "raf" },
  );
  return Math.round(Number(await usableAt.jsonValue()));
}

/**
 * Records every script and stylesheet the page asks for from the app's own /assets/ until
 * `usable()` is called, sized as gzip level 9 of the body the browser received (what a
 * compressing host sends, whatever the local server does). What the app asks for after its
 * screen is usable (the later pages it loads for offline use) is not the first screen's. Call
 * before `page.goto`; read `files` once `quiet()` has resolved.
 */
export function recordFetchedAssets(page: Page): {
  files: FetchedFile[];
  /** The screen is usable: what is asked for from now on is not counted. */
  usable: () => void;
  quiet: (quietMs?: number) => Promise<void>;
} {
  const files: FetchedFile[] = [];
  const pending: Promise<void>[] = [];
  const asked = new Set<string>();
  let counting = true;
  const assetOf = (url: string) =>
    /\/assets\/([^/]+\.(?:js|css))$/.exec(new URL(url).pathname)?.[1];
  page.on("request", request => {
    if (counting && assetOf(request.url())) asked.add(request.url());
  });
  // Answered, or failed: what `quiet` waits for. A file that never comes must not hang it.
  const settled = new Set<string>();
  page.on("requestfailed", request => {
    if (asked.has(request.url())) settled.add(request.url());
  });
  page.on("response", response => {
    const name = assetOf(response.url());
    if (!name || !asked.has(response.url())) return;
    settled.add(response.url());
    if (response.status() !== 200) return;
    pending.push(
      response.body().then(
        body =>
          void files.push({
            name,
            gzipBytes: gzipSync(body, { level: 9 }).length,
            kind: kindOf(name),
          }),
        () => undefined,
      ),
    );
  });
  /** Resolves once every file asked for has been answered and none for `quietMs`, bodies read. */
  const quiet = async (quietMs = 1000) => {
    let before: number;
    do {
      before = settled.size;
      await new Promise(done => setTimeout(done, quietMs));
    } while (settled.size !== before || [...asked].some(url => !settled.has(url)));
    await Promise.all(pending);
  };
  return { files, usable: () => void (counting = false), quiet };
}

/** The sum of the app's own JS among the files, in bytes of gzip. */
export function appJsBytes(files: readonly FetchedFile[]): number {
  return files.filter(f => f.kind === "app").reduce((sum, f) => sum + f.gzipBytes, 0);
}

export const APP_JS_BUDGET_BYTES = 60 * 1024;
