import { Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";

/** Markers are kept this long: LINE redelivers for a much shorter time. Deleted by a TTL policy on `expireAt`. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export function processedEventRef(db: Firestore, webhookEventId: string) {
  return db.collection(Collections.events).doc(webhookEventId);
}

export async function wasProcessed(db: Firestore, webhookEventId: string): Promise<boolean> {
  return (await processedEventRef(db, webhookEventId).get()).exists;
}

export async function wasProcessedIn(
  tx: Transaction,
  db: Firestore,
  webhookEventId: string,
): Promise<boolean> {
  return (await tx.get(processedEventRef(db, webhookEventId))).exists;
}

export function markProcessed(
  tx: Transaction,
  db: Firestore,
  webhookEventId: string,
  now: Date,
): void {
  tx.create(processedEventRef(db, webhookEventId), {
    processedAt: Timestamp.fromDate(now),
    expireAt: Timestamp.fromMillis(now.getTime() + KEEP_MS),
  });
}
