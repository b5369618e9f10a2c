import express from "express";
import { existsSync } from "node:fs";
import { CHAT_SIMULATOR_DIST } from "../chat-simulator/dist-path";

/**
 * Serves the chat simulator (dev/src/chat-simulator, built by `npm run build`) at "/". Not part
 * of LINE: the page plays a LINE user through the /sim routes.
 */
export function chatSimulatorPage(): express.Router {
  const router = express.Router();
  router.get("/", (_req, res, next) => {
    if (existsSync(`${CHAT_SIMULATOR_DIST}/index.html`)) return next();
    res
      .status(503)
      .type("text")
      .send("The chat simulator is not built yet: run `npm run build` (npm start does it).");
  });
  // no-store: a rebuilt simulator shows at the next reload.
  router.use(
    express.static(CHAT_SIMULATOR_DIST, {
      index: "index.html",
      setHeaders: res => res.set("cache-control", "no-store"),
    }),
  );
  return router;
}
