import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import {
  lineApiBaseUrl,
  lineChannelAccessToken,
  lineChannelId,
  lineChannelSecret,
  lineDataApiBaseUrl,
  photoStoreDir,
  urgentChannelApiKey,
  urgentChannelUrl,
} from "./config";
import { httpUrgentChannel, type UrgentChannel } from "./alerts/urgent-channel";
import { channelTokenProvider } from "./line/channel-token";
import { createLinePlatform, type LinePlatform } from "./line/line-platform";
import { createCloudStoragePhotoStore } from "./photos/cloud-storage-photo-store";
import { createLocalPhotoStore } from "./photos/local-photo-store";
import type { PhotoStore } from "./photos/photo-store";

let db: Firestore | undefined;
let line: LinePlatform | undefined;

/**
 * The default Admin app, created once. Checked by name: inside the Functions emulator a
 * trigger may already have other (named) apps, and `getFirestore()` needs the default one.
 */
function defaultApp(): App {
  return getApps().find(app => app.name === "[DEFAULT]") ?? initializeApp();
}

/** The instance's Firestore client, set up once. */
export function firestore(): Firestore {
  if (!db) {
    db = getFirestore(defaultApp());
    // Optional fields are often absent: store them as missing, not as errors.
    db.settings({ ignoreUndefinedProperties: true });
  }
  return db;
}

export function photoStore(): PhotoStore {
  const dir = photoStoreDir.value();
  defaultApp();
  return dir ? createLocalPhotoStore(dir) : createCloudStoragePhotoStore();
}

/**
 * The instance's LINE client, built on first use (secrets are readable only then) and kept,
 * so its channel access token is cached across requests until shortly before it expires.
 */
export function linePlatform(): LinePlatform {
  line ??= createLinePlatform({
    tokens: channelTokenProvider({
      apiBaseUrl: lineApiBaseUrl.value(),
      channelId: lineChannelId.value(),
      channelSecret: lineChannelSecret.value(),
      longLivedToken: lineChannelAccessToken.value(),
    }),
    apiBaseUrl: lineApiBaseUrl.value(),
    dataApiBaseUrl: lineDataApiBaseUrl.value(),
  });
  return line;
}

/** SMS/voice for urgent alerts; off (and logged when used) while URGENT_CHANNEL_URL is empty. */
export function urgentChannel(): UrgentChannel {
  const url = urgentChannelUrl.value();
  return httpUrgentChannel({ url, apiKey: url ? urgentChannelApiKey.value() : "" });
}
