import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { newPhone } from "../chromium";
import { REPO_ROOT } from "../local-stack";
import { appJsBytes, recordFetchedAssets, waitUntilUsable } from "./first-screen-bytes";

/** Chromium's CPU slowed 4× (a cheap Android phone) on a slow 3G link, set through CDP. */
const CPU_SLOWDOWN = 4;
const SLOW_3G = {
  offline: false,
  latency: 400, // ms added to every request
  downloadThroughput: (400 * 1024) / 8, // 400 kbit/s
  uploadThroughput: (400 * 1024) / 8,
};

/** Builds liff/bench/empty-page, the baseline, into .local/bench/empty-page; returns the folder. */
export function buildEmptyPage(): string {
  const out = join(REPO_ROOT, ".local", "bench", "empty-page");
  const liff = join(REPO_ROOT, "liff");
  execFileSync(
    join(liff, "node_modules", ".bin", "vite"),
    ["build", "--config", join(liff, "bench", "empty-page", "vite.config.ts"), "--outDir", out],
    { cwd: liff, stdio: "ignore" },
  );
  return out;
}

/** Someone LINE opens the app for, and the ID token it would hand the app for them. */
export interface LinePerson {
  userId: string;
  displayName: string;
  idToken: () => Promise<string>;
}

export interface ScreenLoad {
  /** From navigation until the screen shows its heading and its data, on the throttled phone. */
  usableMs: number;
  /** JS and CSS the phone received over the network, as sent (gzip). */
  transferredBytes: number;
  /** The app's own JS among it (not the LIFF SDK, not the local stack's mock), gzip. */
  appJsBytes: number;
  /**
   * What the screen waited for: each request before it was usable, in the order they started,
   * from the page's own Resource Timing (ms from navigation, the clock `usableMs` is read on).
   * `firstByteMs`: its answer began (after the link's 400 ms); `bytes`: as received, 0 for
   * another origin's. Requests that start only after another ended are round trips in turn,
   * the first thing to look at on a 400 ms link; all of them share its 400 kbit/s.
   */
  waterfall: {
    url: string;
    startMs: number;
    firstByteMs: number;
    endMs: number;
    bytes: number;
  }[];
}

/**
 * Opens `url` on a throttled phone and waits until it is usable. `signedInAs` skips the local
 * stack's "who am I" picker, as the tests do. `returning`: the phone opened the screen once
 * before (unthrottled, not measured), so it keeps what the app keeps (who the person was);
 * the HTTP cache stays off, so the bytes still come over the slow link. `returning, cached`:
 * the same with the HTTP cache on, as a phone opening the app again the next day has the app's
 * files (immutable on Hosting; the LIFF browser's cache may of course have been cleared).
 */
export async function loadScreen(
  browser: Browser,
  url: string,
  heading: string,
  signedInAs?: LinePerson,
  visit: "first" | "returning" | "returning, cached" = "first",
): Promise<ScreenLoad> {
  const context = await newPhone(browser);
  // LINE opens a LIFF app with the person's ID token in the URL's fragment (liff.init reads it
  // there): the stand-in hands one, as LINE's client has it before it opens the app.
  const opened = async () =>
    signedInAs ? `${url}#access_token=bench&id_token=${await signedInAs.idToken()}` : url;
  try {
    if (signedInAs)
      await context.addInitScript(
        user => {
          // Kept per tab (sessionStorage), as the app remembers the simulated person.
          sessionStorage.setItem("sa.simUser", JSON.stringify({ ...user, language: "th" }));
        },
        { userId: signedInAs.userId, displayName: signedInAs.displayName },
      );
    if (visit !== "first") {
      const earlier = await context.newPage();
      await earlier.goto(await opened());
      await waitUntilUsable(earlier, heading);
      await earlier.close();
    }
    const page = await context.newPage();
    // A screen that never shows says why in the bench's output, not only by timing out.
    page.on("pageerror", error => console.error(`[${url}] page error: ${error.message}`));
    page.on("console", message => {
      if (message.type() === "error") console.error(`[${url}] console: ${message.text()}`);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: visit !== "returning, cached" });
    await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    const kinds = new Map<string, string>();
    let transferred = 0;
    // Set once the screen is usable: what comes after (the later pages) is not the first screen's.
    let usable = false;
    cdp.on("Network.responseReceived", event => kinds.set(event.requestId, event.type));
    cdp.on("Network.loadingFinished", event => {
      const type = kinds.get(event.requestId);
      if (!usable && (type === "Script" || type === "Stylesheet"))
        transferred += event.encodedDataLength;
    });
    const recording = recordFetchedAssets(page);
    const profiling = process.env.BENCH_PROFILE;
    if (profiling) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    // Watched from the moment the page commits: Playwright's first wait in a page compiles its
    // injected script there, 40-50 ms at 4× CPU, which after a full load fell in the middle of
    // the app's first render (the empty page's SDK was still downloading then).
    await page.goto(await opened(), { waitUntil: "commit" });
    const usableMs = await waitUntilUsable(page, heading);
    usable = true;
    recording.usable();
    if (profiling) {
      const { profile } = await cdp.send("Profiler.stop");
      mkdirSync(profiling, { recursive: true });
      // Named by the screen's heading and the visit: the empty page and both homes share "/".
      const name = `${heading} ${visit} ${Date.now()}`.replace(/[\s,/]+/g, "-");
      writeFileSync(join(profiling, `${name}.cpuprofile`), JSON.stringify(profile));
    }
    const waterfall = await page.evaluate(until => {
      const entries = [
        ...performance.getEntriesByType("navigation"),
        ...performance.getEntriesByType("resource"),
      ] as PerformanceResourceTiming[];
      return entries
        .filter(entry => entry.startTime <= until)
        .map(entry => {
          const { host, pathname } = new URL(entry.name);
          return {
            url: `${host}${pathname}`,
            startMs: Math.round(entry.startTime),
            firstByteMs: Math.round(entry.responseStart),
            endMs: Math.round(entry.responseEnd),
            bytes: entry.transferSize,
          };
        });
    }, usableMs);
    await recording.quiet();
    return {
      usableMs,
      transferredBytes: transferred,
      appJsBytes: appJsBytes(recording.files),
      waterfall,
    };
  } finally {
    await context.close();
  }
}
