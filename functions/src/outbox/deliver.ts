import type { Firestore } from "firebase-admin/firestore";
import type { PushOutcome } from "../line/line-platform";
import { Collections } from "../repositories/collections";
import { outboxRef, type OutboxItem } from "./outbox";

/** A LINE outage of hours loses nothing: about 8 hours of retries before giving up. */
export const MAX_ATTEMPTS = 20;
const LEASE_MS = 60_000;

/** 30 s, 1 min, 2 min, ... capped at 30 min between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

export interface DeliveryDeps {
  db: Firestore;
  push: (to: string, messages: OutboxItem["messages"], retryKey: string) => Promise<PushOutcome>;
  now: () => Date;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Tries one outbox item once, if it is due and nobody else holds it. Safe to call from the
 * creation trigger and the sweep at the same time: the claim is a transaction, and the retry
 * key makes LINE refuse (409) a second copy of a push it already accepted.
 */
export async function deliver(
  deps: DeliveryDeps,
  id: string,
): Promise<OutboxItem["status"] | "skipped"> {
  const { db } = deps;
  const ref = outboxRef(db, id);
  const claimed = await db.runTransaction(async tx => {
    const item = (await tx.get(ref)).data() as OutboxItem | undefined;
    const now = deps.now().getTime();
    if (!item || item.status !== "pending" || item.nextAttemptAt > now || item.leaseUntil > now)
      return undefined;
    tx.update(ref, { leaseUntil: now + LEASE_MS, attempts: item.attempts + 1 });
    return { ...item, attempts: item.attempts + 1 };
  });
  if (!claimed) return "skipped";

  const outcome = await deps.push(claimed.to, claimed.messages, claimed.retryKey);
  const now = deps.now();
  if (outcome.kind === "sent" || outcome.kind === "already_sent") {
    await ref.update({ status: "sent", sentAt: now.toISOString(), leaseUntil: 0, lastError: null });
    return "sent";
  }
  // A 4xx other than 429 will not change by trying again (blocked account, bad message).
  const giveUp = outcome.kind === "rejected" || claimed.attempts >= MAX_ATTEMPTS;
  await ref.update({
    status: giveUp ? "failed" : "pending",
    lastError: outcome.error,
    leaseUntil: 0,
    nextAttemptAt: now.getTime() + backoffMs(claimed.attempts),
  });
  deps.log(giveUp ? "push failed for good" : "push will be retried", {
    outboxId: id,
    reason: claimed.reason,
    attempts: claimed.attempts,
    error: outcome.error,
  });
  return giveUp ? "failed" : "pending";
}

/** The sweep: every pending item whose time has come. */
export async function deliverDue(deps: DeliveryDeps, limit = 200): Promise<number> {
  const snapshot = await deps.db
    .collection(Collections.outbox)
    .where("status", "==", "pending")
    .where("nextAttemptAt", "<=", deps.now().getTime())
    .limit(limit)
    .get();
  const results = await Promise.all(snapshot.docs.map(doc => deliver(deps, doc.id)));
  return results.filter(r => r === "sent").length;
}
