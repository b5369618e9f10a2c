import { logger } from "firebase-functions";
import { lineApiBaseUrl, lineChannelAccessToken, lineDataApiBaseUrl, liffBaseUrl } from "./config";
import { routeNewReport } from "./cases/route-new-report";
import { escalateOverdue } from "./cases/escalate";
import { createLinePlatform } from "./line/line-platform";
import { deliver, deliverDue, type DeliveryDeps } from "./outbox/deliver";
import { firestore, photoStore } from "./runtime";
import { expireSessions } from "./webhook/expire-sessions";

/** Handlers of the triggers, kept apart from their wiring in index.ts so tests can call them. */
export function deliveryDeps(): DeliveryDeps {
  const line = createLinePlatform({
    channelAccessToken: lineChannelAccessToken.value(),
    apiBaseUrl: lineApiBaseUrl.value(),
    dataApiBaseUrl: lineDataApiBaseUrl.value(),
  });
  return {
    db: firestore(),
    push: (to, messages, retryKey) => line.push(to, messages, retryKey),
    now: () => new Date(),
    log: (message, fields) => logger.info(message, fields),
  };
}

export async function onReportCreatedHandler(ticket: string): Promise<void> {
  await routeNewReport(firestore(), ticket, { now: new Date(), liffBaseUrl: liffBaseUrl.value() });
}

export async function onOutboxCreatedHandler(id: string): Promise<void> {
  await deliver(deliveryDeps(), id);
}

/** Every minute: pushes whose retry time has come, abandoned conversations, overdue cases. */
export async function sweepHandler(): Promise<void> {
  const sent = await deliverDue(deliveryDeps());
  const sessions = await expireSessions(firestore(), photoStore(), new Date());
  const escalated = await escalateOverdue(firestore(), {
    now: new Date(),
    liffBaseUrl: liffBaseUrl.value(),
  });
  if (sent || sessions || escalated) logger.info("sweep", { sent, sessions, escalated });
}
