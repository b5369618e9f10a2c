// Bundles the chat simulator (preact, TypeScript) into dist/chat-simulator/, which the LINE
// stand-in serves at "/". Part of `npm run build`, so `npm start` and the tests get it.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CHAT_SIMULATOR_DIST } from "./dist-path";

mkdirSync(CHAT_SIMULATOR_DIST, { recursive: true });
await build({
  entryPoints: [fileURLToPath(new URL("./main.tsx", import.meta.url))],
  outdir: CHAT_SIMULATOR_DIST,
  entryNames: "chat-simulator",
  bundle: true,
  format: "esm",
  target: "es2022",
  platform: "browser",
  jsx: "automatic",
  jsxImportSource: "preact",
  minify: true,
  sourcemap: true,
  logLevel: "warning",
});
copyFileSync(
  fileURLToPath(new URL("./index.html", import.meta.url)),
  `${CHAT_SIMULATOR_DIST}/index.html`,
);
