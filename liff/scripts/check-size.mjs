// Prints the gzip size of every built chunk and fails the build when the app's own JS is over
// budget: a volunteer on a weak rural link waits for every kilobyte of it.
//
// Counted: every chunk of the app's own code and libraries, plus ONE language catalog (the
// larger; a session loads only the language it shows). Listed but not counted: the LIFF SDK
// (LINE's, its own chunk), what only the local stack loads (the LIFF mock, the "who am I"
// picker), the Thai address directory (a library and its data, fetched only by the
// registration form and the staff pages' place filters), the chart library (fetched only by
// the staff dashboard) and the office pages that edit the duty roster, routing and the push
// outbox (fetched only when staff open them; they need the network to do anything anyway).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 60;
const assets = join(import.meta.dirname, "..", "dist", "assets");

const NOT_COUNTED = [
  { test: /^liff-sdk-/, why: "LIFF SDK" },
  { test: /^(liff-mock|who-am-i)-/, why: "local stack only" },
  {
    test: /^(address-directory|th_db|en_db|geo)-/,
    why: "address directory, registration and staff filters only",
  },
  { test: /^chartist-/, why: "chart library, staff dashboard only" },
  {
    test: /^(staff-duty|staff-outbox|staff-routing|staff-routing-entry)-/,
    why: "office pages (roster, outbox, routing): fetched when staff open them, online",
  },
  { test: /^admin-welfare-rules-/, why: "welfare rules admin page: fetched when opened, online" },
];
const CATALOG = /^catalog-(\w+)-/;

const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
const rows = [];
let counted = 0;
let largestCatalog = 0;
for (const name of readdirSync(assets).sort()) {
  const source = readFileSync(join(assets, name));
  const gzipped = gzipSync(source, { level: 9 }).length;
  let note;
  if (!name.endsWith(".js")) note = "not JS";
  else if (CATALOG.test(name)) {
    note = "language catalog, one per session";
    largestCatalog = Math.max(largestCatalog, gzipped);
  } else {
    note = NOT_COUNTED.find(rule => rule.test.test(name))?.why;
    if (note) note = `${note}, not counted`;
    else counted += gzipped;
  }
  rows.push(`${kb(source.length)} ${kb(gzipped)}  ${name}${note ? `  (${note})` : ""}`);
}
const total = counted + largestCatalog;
console.log(`${"raw".padStart(9)} ${"gzip".padStart(9)}`);
for (const row of rows) console.log(row);
console.log(`app JS: ${(total / 1024).toFixed(1)} KB gzip, budget ${BUDGET_KB} KB`);
if (total > BUDGET_KB * 1024) {
  console.error(`over budget by ${((total - BUDGET_KB * 1024) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
