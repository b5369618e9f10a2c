import { onRequest } from "firebase-functions/v2/https";
import { lineChannelAccessToken, lineChannelSecret, REGION } from "./config";
import { createApiApp } from "./api/api-app";
import { apiDeps } from "./api/api-deps";
import { createWebhookApp } from "./webhook/webhook-app";
import { webhookDeps } from "./webhook/webhook-deps";

/** LINE → us: signed webhook events from the Messaging API. */
export const webhook = onRequest(
  { region: REGION, secrets: [lineChannelSecret, lineChannelAccessToken] },
  createWebhookApp({ channelSecret: () => lineChannelSecret.value(), deps: webhookDeps }),
);

/** The LIFF app and other systems → us: JSON over HTTPS. */
export const api = onRequest(
  { region: REGION },
  createApiApp({ now: () => new Date(), deps: apiDeps }),
);
