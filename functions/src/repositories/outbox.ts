import type { DocumentSnapshot, Firestore } from "firebase-admin/firestore";
import { Collections } from "./collections";
import * as z from "zod/mini";

/** `outbox/{id}`: a LINE push waiting to go, going, or gone (see outbox/outbox.ts). */
export function outboxRef(db: Firestore, id: string) {
  return db.collection(Collections.outbox).doc(id);
}

/** Ids of pending pushes whose next attempt is due (the sweep's work). */
export async function listDuePushIds(db: Firestore, nowMs: number, limit: number) {
  const snapshot = await db
    .collection(Collections.outbox)
    .where("status", "==", "pending")
    .where("nextAttemptAt", "<=", nowMs)
    .limit(limit)
    .get();
  return snapshot.docs.map(doc => doc.id);
}

/**
 * Pushes that need a person: failed ones (newest first), and pending ones tried `minAttempts`
 * times or created before `createdBefore`. Three equality-and-range queries (indexes in
 * firestore.indexes.json); the caller merges them.
 */
export async function listTroubledPushDocs(
  db: Firestore,
  options: { minAttempts: number; createdBefore: string; limit: number },
): Promise<DocumentSnapshot[]> {
  const outbox = db.collection(Collections.outbox);
  const [failed, tried, old] = await Promise.all([
    outbox.where("status", "==", "failed").orderBy("createdAt", "desc").limit(options.limit).get(),
    outbox
      .where("status", "==", "pending")
      .where("attempts", ">=", options.minAttempts)
      .limit(options.limit)
      .get(),
    outbox
      .where("status", "==", "pending")
      .where("createdAt", "<=", options.createdBefore)
      .limit(options.limit)
      .get(),
  ]);
  return [...failed.docs, ...tried.docs, ...old.docs];
}

/**
 * Records how an attempt went, only if the item still exists: a citizen's erasure deletes
 * their pending pushes, possibly while one is being sent, and a plain update would fail (a
 * set would bring the deleted push back). False when the item is gone.
 */
export async function updatePushIfPresent(
  db: Firestore,
  id: string,
  fields: Record<string, unknown>,
): Promise<boolean> {
  try {
    await outboxRef(db, id).update(fields);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === NOT_FOUND) return false;
    throw error;
  }
}

/** gRPC's NOT_FOUND, what Firestore answers an update of a deleted document with. */
const NOT_FOUND = 5;

const queuedAtSchema = z.object({ createdAt: z.string() });

/**
 * How many pushes wait to go and when the oldest of them was queued (null when none): the
 * health check's numbers. A count aggregation and one document (status + createdAt index).
 */
export async function pendingPushBacklog(
  db: Firestore,
): Promise<{ count: number; oldestQueuedAt: string | null }> {
  const pending = db.collection(Collections.outbox).where("status", "==", "pending");
  const [counted, oldest] = await Promise.all([
    pending.count().get(),
    pending.orderBy("createdAt", "asc").limit(1).select("createdAt").get(),
  ]);
  const first = oldest.docs[0];
  return {
    count: counted.data().count,
    oldestQueuedAt: first ? queuedAtSchema.parse(first.data()).createdAt : null,
  };
}
