import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import express from "express";
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

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Serves a built page the way Firebase Hosting does for this project: files gzipped, unknown
 * paths to index.html, /liff-config.json from `config`, /api/** to the functions host.
 */
export async function servePage(
  dist: string,
  options: { config?: object; apiUrl?: string } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.get("/liff-config.json", (_req, res) => void res.json(options.config ?? {}));
  if (options.apiUrl) {
    const apiUrl = options.apiUrl;
    app.use("/api", express.raw({ type: "*/*", limit: "10mb" }), async (req, res) => {
      const response = await fetch(`${apiUrl}${req.url}`, {
        method: req.method,
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "host",
          ),
        ),
        ...(req.method !== "GET" &&
          req.method !== "HEAD" && { body: new Uint8Array(req.body as Buffer) }),
      });
      res.status(response.status);
      response.headers.forEach((value, name) => {
        if (!["content-encoding", "content-length", "transfer-encoding"].includes(name))
          res.setHeader(name, value);
      });
      // fetch has unzipped what the api sent gzipped; the phone gets it as it was sent.
      const body = Buffer.from(await response.arrayBuffer());
      const gzipped = response.headers.get("content-encoding") === "gzip";
      if (gzipped) res.setHeader("Content-Encoding", "gzip");
      res.send(gzipped ? gzipSync(body) : body);
    });
  }
  app.use((req, res) => {
    const wanted = join(dist, normalize(decodeURIComponent(req.path)).replace(/^(\.\.[/\\])+/, ""));
    const file = existsSync(wanted) && extname(wanted) ? wanted : join(dist, "index.html");
    res.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
    res.setHeader("Content-Encoding", "gzip");
    res.send(gzipSync(readFileSync(file)));
  });
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise(done => server.once("listening", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>(done => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

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

export interface ScreenLoad {
  /** From navigation until the screen shows its heading and its data, on the throttled phone. */
  usableMs: number;
  /** JS and CSS the phone received over the network, as sent (gzip). */
  transferredBytes: number;
  /** The app's own JS among it (not the LIFF SDK, not the local stack's mock), gzip. */
  appJsBytes: number;
  /**
   * What the screen waited for: each request before it was usable, with when it started
   * and ended (ms from navigation), in the order they started. Requests that start only after
   * another ended are round trips in turn, the first thing to look at on a 400 ms link.
   */
  waterfall: { url: string; startMs: number; endMs: number | null }[];
}

/**
 * Opens `url` on a throttled phone and waits until it is usable. `signedInAs` skips the local
 * stack's "who am I" picker, as the tests do. `returning`: the phone opened the screen once
 * before (unthrottled, not measured), so it keeps what the app keeps (who the person was);
 * the HTTP cache stays off, so the bytes still come over the slow link.
 */
export async function loadScreen(
  browser: Browser,
  url: string,
  heading: string,
  signedInAs?: { userId: string; displayName: string },
  returning = false,
): Promise<ScreenLoad> {
  const context = await newPhone(browser);
  try {
    if (signedInAs)
      await context.addInitScript(user => {
        // Kept per tab (sessionStorage), as the app remembers the simulated person.
        sessionStorage.setItem("sa.simUser", JSON.stringify({ ...user, language: "th" }));
      }, signedInAs);
    if (returning) {
      const earlier = await context.newPage();
      await earlier.goto(url);
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
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    const kinds = new Map<string, string>();
    let started = Date.now();
    let transferred = 0;
    // Set once the screen is usable: what comes after (the later pages) is not the first screen's.
    let usableMs: number | undefined;
    const requests = new Map<string, { url: string; startMs: number; endMs: number | null }>();
    const sinceStart = () => Date.now() - started;
    cdp.on("Network.requestWillBeSent", event => {
      const { pathname, host } = new URL(event.request.url);
      if (!requests.has(event.requestId))
        requests.set(event.requestId, {
          url: `${host}${pathname}`,
          startMs: sinceStart(),
          endMs: null,
        });
    });
    cdp.on("Network.responseReceived", event => kinds.set(event.requestId, event.type));
    cdp.on("Network.loadingFinished", event => {
      const request = requests.get(event.requestId);
      if (request) request.endMs = sinceStart();
      const type = kinds.get(event.requestId);
      if (usableMs === undefined && (type === "Script" || type === "Stylesheet"))
        transferred += event.encodedDataLength;
    });
    const recording = recordFetchedAssets(page);
    started = Date.now();
    await page.goto(url);
    await waitUntilUsable(page, heading);
    const usable = Date.now() - started;
    usableMs = usable;
    recording.usable();
    const waterfall = [...requests.values()].filter(r => r.startMs <= usable);
    await recording.quiet();
    return {
      usableMs: usable,
      transferredBytes: transferred,
      appJsBytes: appJsBytes(recording.files),
      waterfall,
    };
  } finally {
    await context.close();
  }
}
