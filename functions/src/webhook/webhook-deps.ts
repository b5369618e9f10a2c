import { loadAreaDirectory, type AreaDirectory } from "@sa/core";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import {
  lineApiBaseUrl,
  lineChannelAccessToken,
  lineDataApiBaseUrl,
  photoStoreDir,
} from "../config";
import { createLinePlatform } from "../line/line-platform";
import { createCloudStoragePhotoStore } from "../photos/cloud-storage-photo-store";
import { createLocalPhotoStore } from "../photos/local-photo-store";
import type { WebhookDeps } from "./handle-event";

let areas: Promise<AreaDirectory> | undefined;
let deps: Promise<WebhookDeps> | undefined;

/** Built once per function instance, on the first request: secrets are readable only then. */
export function webhookDeps(): Promise<WebhookDeps> {
  deps ??= (async (): Promise<WebhookDeps> => {
    if (getApps().length === 0) initializeApp();
    areas ??= loadAreaDirectory();
    const dir = photoStoreDir.value();
    const db = getFirestore();
    // Optional fields of a draft are often absent: store them as missing, not as errors.
    db.settings({ ignoreUndefinedProperties: true });
    return {
      db,
      line: createLinePlatform({
        channelAccessToken: lineChannelAccessToken.value(),
        apiBaseUrl: lineApiBaseUrl.value(),
        dataApiBaseUrl: lineDataApiBaseUrl.value(),
      }),
      photos: dir ? createLocalPhotoStore(dir) : createCloudStoragePhotoStore(),
      areas: await areas,
      now: () => new Date(),
      // Structured logs carry ids and event types only, never message text or names.
      log: (message, fields) => logger.info(message, fields),
    };
  })().catch(error => {
    deps = undefined; // try again on the next request rather than fail forever
    throw error;
  });
  return deps;
}
