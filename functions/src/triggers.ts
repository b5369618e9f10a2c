import { logger } from "firebase-functions";
import { liffBaseUrl, photoRetentionDays } from "./config";
import { alertEntry, type RaiseAlert } from "./alerts/alerts";
import { routeNewCase } from "./cases/route-new-case";
import { escalateOverdue } from "./cases/escalate";
import { remindFollowUps } from "./cases/follow-up-reminders";
import { routeStranded } from "./cases/route-stranded";
import { deliver, deliverDue, type DeliveryDeps } from "./outbox/deliver";
import { contactPhone } from "./repositories/users";
import { firestore, linePlatform, photoStore, urgentChannel } from "./runtime";
import { purgeClosedPhotos } from "./retention/purge-closed-photos";
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
    alert,
    urgent: urgentChannel(),
    phoneOf: userId => contactPhone(db, userId),
  };
}

/** Severity and a stable `alert` field, for the log-based metric in ops/monitoring/. */
const alert: RaiseAlert = (name, message, fields) =>
  logger.write(alertEntry(name, message, fields));

export async function onCaseCreatedHandler(ticket: string): Promise<void> {
  await routeNewCase(firestore(), ticket, {
    now: new Date(),
    liffBaseUrl: liffBaseUrl.value(),
    alert,
  });
}

export async function onOutboxCreatedHandler(id: string): Promise<void> {
  await deliver(deliveryDeps(), id);
}

/**
 * Every minute: reports the trigger did not route, pushes whose retry time has come, abandoned
 * conversations, cases nobody took in time, follow-up visits due today or tomorrow, photos of
 * cases closed longer than retention allows (PHOTO_RETENTION_DAYS). Each part is idempotent and independent: one that fails is logged
 * and the others still run.
 */
export async function sweepHandler(): Promise<void> {
  const db = firestore();
  const options = () => ({ now: new Date(), liffBaseUrl: liffBaseUrl.value(), alert });
  const log = (message: string, fields?: Record<string, unknown>) => logger.info(message, fields);
  const parts = {
    stranded: () => routeStranded({ db, log }, options()).then(r => r.routed),
    sent: () => deliverDue(deliveryDeps()),
    sessions: () => expireSessions(db, photoStore(), options()),
    escalated: () => escalateOverdue(db, options()),
    followUpsReminded: () => remindFollowUps(db, options()),
    photosPurged: () =>
      purgeClosedPhotos(db, photoStore(), {
        now: new Date(),
        retentionDays: photoRetentionDays.value(),
      }),
  };
  const done: Record<string, number> = {};
  let failed = false;
  for (const [name, run] of Object.entries(parts)) {
    try {
      done[name] = await run();
    } catch (error) {
      failed = true;
      logger.error("sweep part failed", { part: name, error: String(error).slice(0, 300) });
    }
  }
  if (Object.values(done).some(n => n > 0)) logger.info("sweep", done);
  if (failed) throw new Error("a part of the sweep failed; see the log");
}
