import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// Built by the bench into .local/bench/empty-page (the output folder is given on the command line).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: { target: "es2022", emptyOutDir: true },
  logLevel: "warn",
});
