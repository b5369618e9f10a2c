import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Plugin } from "vite";

/** A LIFF id as the LINE Developers console shows it: the channel id, a dash, a suffix. */
const LIFF_ID = /^\d{6,}-[A-Za-z0-9]{6,}$/;

/**
 * Two builds from one source. `--mode simulator` (npm run build) keeps the simulator code (the
 * LIFF mock, the "who am I" picker, the stand-in's client) and goes to dist/, where the local
 * stack writes its own liff-config.json. The default production mode compiles that code out
 * (the app tests `import.meta.env.MODE`), goes to dist-production/ (what Hosting serves), and
 * writes liff-config.json itself from the LIFF_ID build parameter, so nobody edits the output.
 */
export function buildMode(): Plugin {
  let outDir = "";
  let liffId = "";
  return {
    name: "build-mode",
    config(config, { command, mode }) {
      const define = { "import.meta.env.SIMULATOR_BUILD": JSON.stringify(mode !== "production") };
      if (command !== "build" || mode !== "production") return { define };
      liffId = process.env.LIFF_ID ?? "";
      if (!LIFF_ID.test(liffId)) {
        throw new Error(
          `LIFF_ID must be the LIFF app's id (like 1234567890-AbcdEfgh), got "${liffId}": ` +
            "the production build writes it into liff-config.json (docs/OPERATIONS.md)",
        );
      }
      // dist/ is the local build's; a folder asked for on the command line (tests) is kept.
      const asked = config.build?.outDir;
      return {
        define,
        build: { outDir: asked && asked !== "dist" ? asked : "dist-production", emptyOutDir: true },
      };
    },
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      if (!liffId) return;
      writeFileSync(
        join(outDir, "liff-config.json"),
        `${JSON.stringify({ mock: false, liffId }, null, 2)}\n`,
      );
    },
  };
}
