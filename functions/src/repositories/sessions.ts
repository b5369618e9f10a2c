import { IDLE, sessionSchema, type Session } from "@sa/bot";
import type { DocumentReference, Firestore, Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";

function sessionRef(db: Firestore, userId: string) {
  return db.collection(Collections.sessions).doc(userId);
}

/** A stored session that no longer fits the schema (older code) restarts as idle, never crashes. */
function parse(data: unknown): Session {
  const parsed = sessionSchema.safeParse(data);
  return parsed.success ? parsed.data : IDLE;
}

/** Sessions whose `expiresAt` has passed, to re-read one by one in a transaction. */
export async function listExpiredSessionRefs(
  db: Firestore,
  now: Date,
  limit: number,
): Promise<{ id: string; ref: DocumentReference }[]> {
  const snapshot = await db
    .collection(Collections.sessions)
    .where("expiresAt", "<=", now.toISOString())
    .limit(limit)
    .get();
  return snapshot.docs.map(doc => ({ id: doc.id, ref: doc.ref }));
}

export async function readSession(db: Firestore, userId: string): Promise<Session> {
  const snapshot = await sessionRef(db, userId).get();
  return snapshot.exists ? parse(snapshot.data()) : IDLE;
}

export async function readSessionIn(
  tx: Transaction,
  db: Firestore,
  userId: string,
): Promise<Session> {
  const snapshot = await tx.get(sessionRef(db, userId));
  return snapshot.exists ? parse(snapshot.data()) : IDLE;
}

export function writeSession(
  tx: Transaction,
  db: Firestore,
  userId: string,
  session: Session,
): void {
  // An idle session holds nothing worth keeping: delete it rather than store an empty draft.
  if (session.flow === "idle") tx.delete(sessionRef(db, userId));
  else tx.set(sessionRef(db, userId), session);
}
