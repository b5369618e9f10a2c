import { defineInt, defineSecret, defineString } from "firebase-functions/params";

/**
 * Where the functions run: a decision, not a default (PDPA s.28 on cross-border transfer; see
 * docs/OPERATIONS.md, "Region"). Set in functions/.env.<project-id>; Firestore and Storage
 * take their location when they are created, and firebase.json's Hosting rewrite names it too.
 */
export const REGION = defineString("FUNCTIONS_REGION", {
  description: "Cloud Functions region, e.g. asia-southeast1 (Singapore) or asia-southeast3",
});

export const lineChannelSecret = defineSecret("LINE_CHANNEL_SECRET");
/** Used only when LINE_CHANNEL_ID is empty: a long-lived token (rotating it needs a redeploy). */
export const lineChannelAccessToken = defineSecret("LINE_CHANNEL_ACCESS_TOKEN");

/**
 * The Messaging API channel's id. Set: the functions issue stateless channel access tokens
 * from it and LINE_CHANNEL_SECRET at run time (no redeploy when tokens are revoked). Empty:
 * they use the long-lived LINE_CHANNEL_ACCESS_TOKEN.
 */
export const lineChannelId = defineString("LINE_CHANNEL_ID", {
  default: "",
  description: "Messaging API channel id, for stateless channel access tokens (empty: long-lived)",
});

// Base URLs are configuration, so the same code talks to LINE in production and to the
// local stand-in on `npm start` and in tests.
export const lineApiBaseUrl = defineString("LINE_API_BASE_URL", {
  default: "https://api.line.me",
  description: "Messaging API base URL",
});
export const lineDataApiBaseUrl = defineString("LINE_DATA_API_BASE_URL", {
  default: "https://api-data.line.me",
  description: "Messaging API data (content) base URL",
});
/** Empty in production (photos go to Cloud Storage); a folder on the local stack. */
export const photoStoreDir = defineString("PHOTO_STORE_DIR", {
  default: "",
  description: "Local folder for photos; empty means the project's Cloud Storage bucket",
});

/** The LINE Login channel of the LIFF app: ID tokens must be issued for it (`aud`). */
export const lineLoginChannelId = defineString("LINE_LOGIN_CHANNEL_ID", {
  description: "LINE Login channel id that the LIFF app belongs to",
});

/** Where case links in pushes open: `https://liff.line.me/<liffId>` in production. */
export const liffBaseUrl = defineString("LIFF_BASE_URL", {
  description: "Base URL of the LIFF app; case links are <base>/cases/<ticket>",
});

/**
 * The second channel for urgent alerts (SMS or voice, from a provider the ministry contracts):
 * where the adapter POSTs. Empty: the channel is off and urgent pushes only go through LINE.
 */
export const urgentChannelUrl = defineString("URGENT_CHANNEL_URL", {
  default: "",
  description: "Endpoint of the SMS/voice provider for urgent alerts; empty turns the channel off",
});
/** Sent as `Authorization: Bearer` to the urgent-channel provider. */
export const urgentChannelApiKey = defineSecret("URGENT_CHANNEL_API_KEY");

/** Photos of a closed case are deleted this many days after it closed (the sweep does it). */
export const photoRetentionDays = defineInt("PHOTO_RETENTION_DAYS", {
  default: 365,
  description: "Days after a case is closed (and left unchanged) before its photos are deleted",
});
