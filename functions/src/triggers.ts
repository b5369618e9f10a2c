import { logger } from "firebase-functions";
import { liffBaseUrl } from "./config";
import { alertEntry } from "./alerts/alerts";
import { routeNewReport } from "./cases/route-new-report";
import { escalateOverdue } from "./cases/escalate";
import { deliver, deliverDue, type DeliveryDeps } from "./outbox/deliver";
import { contactPhone } from "./repositories/users";
import { firestore, linePlatform, photoStore, urgentChannel } from "./runtime";
import { expireSessions } from "./webhook/expire-sessions";

/** Handlers of the triggers, kept apart from their wiring in index.ts so tests can call them. */
export function deliveryDeps(): DeliveryDeps {
  const line = linePlatform();
  const db = firestore();
  return {
    db,
    push: (to, messages, retryKey) => line.push(to, messages, retryKey),
    now: () => new Date(),
    log: (message, fields) => logger.info(message, fields),
    // Severity and a stable `alert` field, for the log-based metric in ops/monitoring/.
    alert: (name, message, fields) => logger.write(alertEntry(name, message, fields)),
    urgent: urgentChannel(),
    phoneOf: userId => contactPhone(db, userId),
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
