import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { buildMode } from "./vite-build-mode";

/**
 * liff-config.json is written into dist by the launcher (or the deploy step) after a build,
 * so the build must not empty dist; it clears only what it makes itself.
 */
function clearOwnOutput(): Plugin {
  let dist = "";
  return {
    name: "clear-own-output",
    apply: "build",
    configResolved(config) {
      dist = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      rmSync(join(dist, "assets"), { recursive: true, force: true });
      rmSync(join(dist, "index.html"), { force: true });
    },
  };
}

export default defineConfig({
  plugins: [preact(), clearOwnOutput(), buildMode()],
  resolve: {
    // One Preact for the app and its libraries: npm may hoist another major (a peer of a dev
    // tool) to the root node_modules, where preact-iso would find it, while the app gets the
    // version pinned here; two copies break every hook ("reading '__H'").
    dedupe: ["preact"],
  },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    sourcemap: false,
    rollupOptions: {
      treeshake: {
        // @sa/core is one barrel of pure modules, except that a few run code when loaded
        // (the server's i18next instance, the welfare rules check). The app imports only
        // schemas and helpers, so the rest must be dropped even though it "has effects".
        moduleSideEffects: (id: string) => !/[\\/]core[\\/](src|rules)[\\/]/.test(id),
      },
      output: {
        // Lazy chunks named after their folder ("who-am-i", not "index"), so that
        // scripts/check-size.mjs can tell which ones never load in production.
        chunkFileNames: chunk => {
          const id = chunk.facadeModuleId ?? "";
          const catalog = /[\\/]catalogs[\\/](\w+)\.ts$/.exec(id)?.[1];
          const folder = /[\\/]([\w-]+)[\\/]index\.tsx?$/.exec(id)?.[1];
          const name = catalog ? `catalog-${catalog}` : (folder ?? "[name]");
          return `assets/${name}-[hash].js`;
        },
        codeSplitting: {
          groups: [
            // The LIFF SDK is large and changes on its own schedule: its own cached chunk.
            // With the module list that picks its parts (the pluggable SDK, liff-modules.ts).
            {
              name: "liff-sdk",
              test: /node_modules[\\/](@line[\\/]liff[\\/]|@liff[\\/])|[\\/]liff-modules\.ts$/,
            },
            // Only the local stack loads the mock; only registration and the staff pages (district
            // filter, province names) load the directory.
            { name: "liff-mock", test: /node_modules[\\/]@line[\\/]liff-mock[\\/]/ },
            // The chart library: fetched only when the staff dashboard opens.
            { name: "chartist", test: /node_modules[\\/]chartist[\\/]/ },
            // Vite's preload helper is shared by every lazy import. Left alone, the group below
            // captures it as a dependency of the directory, and then the entry imports (and
            // index.html modulepreloads) the whole directory on every first screen.
            { name: "preload-helper", test: /vite[\\/]preload-helper/, priority: 1 },
            // The directory's data files stay separate chunks: it loads only the ones it needs.
            {
              name: "address-directory",
              test: /node_modules[\\/]thai-address-universal[\\/]dist[\\/]esm[\\/]index\.js/,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
});
