import { fileURLToPath } from "node:url";

/** Where `npm run build` puts the chat simulator and the stand-in finds it. */
export const CHAT_SIMULATOR_DIST = fileURLToPath(
  new URL("../../dist/chat-simulator", import.meta.url),
);
