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
 * Records every script and stylesheet the page fetches from the app's own /assets/, sized as
 * gzip level 9 of the body the browser received (what a compressing host sends, whatever the
 * local server does). Call before `page.goto`; read `files` once the screen is usable and
 * `quiet()` has resolved.
 */
export function recordFetchedAssets(page: Page): {
  files: FetchedFile[];
  quiet: (quietMs?: number) => Promise<void>;
} {
  const files: FetchedFile[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", response => {
    const url = new URL(response.url());
    const name = /\/assets\/([^/]+\.(?:js|css))$/.exec(url.pathname)?.[1];
    if (!name || response.status() !== 200) return;
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
  /** Resolves once no script or stylesheet has arrived for `quietMs`, bodies read. */
  const quiet = async (quietMs = 1000) => {
    let before: number;
    do {
      before = pending.length;
      await new Promise(done => setTimeout(done, quietMs));
    } while (pending.length !== before);
    await Promise.all(pending);
  };
  return { files, quiet };
}

/** The sum of the app's own JS among the files, in bytes of gzip. */
export function appJsBytes(files: readonly FetchedFile[]): number {
  return files.filter(f => f.kind === "app").reduce((sum, f) => sum + f.gzipBytes, 0);
}

export const APP_JS_BUDGET_BYTES = 60 * 1024;
