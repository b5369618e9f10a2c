// Bundles the functions and the workspace packages they import (core, bot) into lib/index.js.
// Firebase uploads only this folder and installs its package.json dependencies, so workspace
// code must be inlined while real npm dependencies stay external.
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const { dependencies } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url)));

const result = await build({
  write: false,
  entryPoints: [new URL("./src/index.ts", import.meta.url).pathname],
  outfile: new URL("./lib/index.js", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  external: Object.keys(dependencies),
  logLevel: "warning",
  // Some dependencies still use require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

// Files are written only when they changed: a running Functions emulator reloads every
// function when lib/ changes, and builds made by tests or `npm run deploy:check` must not
// disturb a stack that is serving.
for (const file of result.outputFiles) {
  if (existsSync(file.path) && readFileSync(file.path).equals(file.contents)) continue;
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.contents);
}
