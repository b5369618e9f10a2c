// Prints the gzip size of every built chunk and fails the build when the JS every first screen
// loads is over budget: a volunteer on a weak rural link waits for every kilobyte of it.
//
// Counted is what the browser must fetch before its first screen runs, read from the build
// itself: the scripts and modulepreloads in index.html, everything they import statically, ONE
// language catalog (the larger; a session loads only the language it shows) and the largest
// of the first screens' own chunks (the ones index.html preloads by path, `screens` in its
// inline script, vite.config.ts). Everything else
// is lazy and listed as such. What a page pulls in lazily on its first screen (the address
// directory, say) is counted by test/e2e/liff-first-screen.e2e.test.ts, which measures what
// Chromium actually fetches on the citizen's, the volunteer's and the staff member's first
// screens.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 60;
const dist = join(import.meta.dirname, "..", "dist");
const assets = join(dist, "assets");
const CATALOG = /^catalog-(\w+)-/;
const LOCAL_ONLY = /^(liff-mock|who-am-i)-/;
const LIFF_SDK = /^liff-sdk-/;

const html = readFileSync(join(dist, "index.html"), "utf8");
const fromHtml = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map(m => m[1]);
const staticImports = name =>
  [
    ...readFileSync(join(assets, name), "utf8").matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g),
  ].map(m => m[1]);

// The entry's static import graph: what runs before the first screen can render.
const entry = fromHtml.filter(name =>
  html.includes(`<script type="module" crossorigin src="/assets/${name}"`),
);
const eager = new Set();
for (const queue = [...entry]; queue.length > 0; ) {
  const name = queue.pop();
  if (eager.has(name)) continue;
  eager.add(name);
  queue.push(...staticImports(name));
}
// Each first screen's own files, as index.html's inline script preloads them by path.
const screens = JSON.parse(/var screens = (\{.*\});/.exec(html)?.[1] ?? "{}");
const assetOf = href => href.replace(/^\/assets\//, "");
const firstScreen = new Set(Object.values(screens).flat().map(assetOf));
if (Object.keys(screens).length === 0) {
  console.error("index.html names no first screen to preload (vite.config.ts, startFirstFetches)");
  process.exit(1);
}
// A modulepreload of a chunk the entry does not import is a lazy chunk fetched on every visit.
// The LIFF SDK (and the local stack's mock) are meant to be: liff.init precedes every screen.
const preloadedLazy = fromHtml.filter(
  name => !eager.has(name) && !LIFF_SDK.test(name) && !LOCAL_ONLY.test(name),
);

const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
const rows = [];
let counted = 0;
let largestCatalog = 0;
const gzipSizes = new Map();
for (const name of readdirSync(assets).sort()) {
  const source = readFileSync(join(assets, name));
  const gzipped = gzipSync(source, { level: 9 }).length;
  gzipSizes.set(name, gzipped);
  let note;
  if (!name.endsWith(".js")) note = "not JS";
  else if (CATALOG.test(name)) {
    note = "language catalog, one per session";
    largestCatalog = Math.max(largestCatalog, gzipped);
  } else if (eager.has(name)) counted += gzipped;
  else if (firstScreen.has(name)) note = "a first screen's own, below";
  else if (LOCAL_ONLY.test(name)) note = "local stack only";
  else note = LIFF_SDK.test(name) ? "LIFF SDK, LINE's, loaded lazily" : "lazy, not counted";
  rows.push(`${kb(source.length)} ${kb(gzipped)}  ${name}${note ? `  (${note})` : ""}`);
}
const screenBytes = Object.entries(screens).map(([path, hrefs]) => [
  path,
  hrefs.reduce((sum, href) => sum + gzipSizes.get(assetOf(href)), 0),
]);
const [largestPath, largestScreen] = screenBytes.reduce((a, b) => (b[1] > a[1] ? b : a));
const total = counted + largestCatalog + largestScreen;
console.log(`${"raw".padStart(9)} ${"gzip".padStart(9)}`);
for (const row of rows) console.log(row);
for (const [path, bytes] of screenBytes)
  console.log(`first screen ${path}: its own ${kb(bytes).trim()} on top`);
console.log(
  `app JS of the largest first screen (${largestPath}): ${(total / 1024).toFixed(1)} KB gzip, budget ${BUDGET_KB} KB`,
);
let failed = false;
// A first screen's chunk (vite.config.ts: the home, the form kit, the eligibility form) that the
// entry imports comes with every screen: an import from the entry's side has pulled it in.
const screenChunksInEntry = [...eager].filter(name => /^(home|form-kit|eligibility)-/.test(name));
if (screenChunksInEntry.length > 0) {
  console.error(`the entry imports a first screen's chunk: ${screenChunksInEntry.join(", ")}`);
  failed = true;
}
if (preloadedLazy.length > 0) {
  console.error(`index.html preloads lazy chunks on every visit: ${preloadedLazy.join(", ")}`);
  failed = true;
}
if (total > BUDGET_KB * 1024) {
  console.error(`over budget by ${((total - BUDGET_KB * 1024) / 1024).toFixed(1)} KB`);
  failed = true;
}
if (failed) process.exit(1);
