import { loadAreaDirectory, type AreaDirectory } from "@sa/core";
import { logger } from "firebase-functions";
import { liffBaseUrl } from "../config";
import { firestore, linePlatform, photoStore } from "../runtime";
import type { WebhookDeps } from "./handle-event";

let areas: Promise<AreaDirectory> | undefined;
let deps: Promise<WebhookDeps> | undefined;

/** Built once per function instance, on the first request: secrets are readable only then. */
export function webhookDeps(): Promise<WebhookDeps> {
  deps ??= (async (): Promise<WebhookDeps> => {
    return {
      db: firestore(),
      line: linePlatform(),
      photos: photoStore(),
      areas: () =>
        (areas ??= loadAreaDirectory().catch(error => {
          areas = undefined; // load again on the next event that needs it
          throw error;
        })),
      now: () => new Date(),
      liffBaseUrl: liffBaseUrl.value(),
      // Structured logs carry ids and event types only, never message text or names.
      log: (message, fields) => logger.info(message, fields),
    };
  })().catch(error => {
    deps = undefined; // try again on the next request rather than fail forever
    throw error;
  });
  return deps;
}
