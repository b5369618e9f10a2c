// Bundles the functions and the workspace packages they import (core, bot) into lib/index.js.
// Firebase uploads only this folder and installs its package.json dependencies, so workspace
// code must be inlined while real npm dependencies stay external.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const { dependencies } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url)));

await build({
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
