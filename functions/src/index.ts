import { onInit } from "firebase-functions/v2/core";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { onRequest } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { lineChannelAccessToken, lineChannelSecret, REGION, urgentChannelApiKey } from "./config";
import { assertParams } from "./required-params";
import { createApiApp } from "./api/api-app";
import { apiDeps } from "./api/api-deps";
import { createWebhookApp } from "./webhook/webhook-app";
import { onOutboxCreatedHandler, onCaseCreatedHandler, sweepHandler } from "./triggers";
import { webhookDeps } from "./webhook/webhook-deps";

const webhookSecrets = [lineChannelSecret, lineChannelAccessToken];
/** What pushing needs: the channel secret issues tokens, the long-lived token is the fallback. */
const pushSecrets = [lineChannelSecret, lineChannelAccessToken, urgentChannelApiKey];
const secretsOf: Record<string, { name: string }[]> = {
  webhook: webhookSecrets,
  onOutboxCreated: pushSecrets,
  sweep: pushSecrets,
};

// Before an instance's first request: a missing param or secret stops it with its name.
onInit(() => {
  const declared = secretsOf[process.env.FUNCTION_TARGET ?? ""] ?? [];
  assertParams(
    process.env,
    declared.map(secret => secret.name),
  );
});

/** LINE → us: signed webhook events from the Messaging API. */
export const webhook = onRequest(
  { region: REGION, secrets: webhookSecrets },
  createWebhookApp({ channelSecret: () => lineChannelSecret.value(), deps: webhookDeps }),
);

/** The LIFF app and other systems → us: JSON over HTTPS. */
export const api = onRequest(
  // A target-household list of 10,000 rows is written in batches inside its request.
  { region: REGION, timeoutSeconds: 300 },
  createApiApp({ now: () => new Date(), deps: apiDeps }),
);

/**
 * A new report → the staff it is routed to hear of it (through the outbox). Retried by Cloud
 * Functions when it fails (routing is idempotent); the sweep routes whatever is still left.
 */
export const onCaseCreated = onDocumentCreated(
  { document: "cases/{ticket}", region: REGION, retry: true },
  event => onCaseCreatedHandler(event.params.ticket),
);

/** A queued push → LINE, at once; failures are retried by the sweep. */
export const onOutboxCreated = onDocumentCreated(
  { document: "outbox/{id}", region: REGION, secrets: pushSecrets },
  event => onOutboxCreatedHandler(event.params.id),
);

/** Stranded reports, push retries, expired conversations, escalation. Safe to run any time. */
export const sweep = onSchedule(
  { schedule: "every 1 minutes", region: REGION, secrets: pushSecrets },
  () => sweepHandler(),
);
