import { routingEntrySchema, type RoutingEntry } from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";

function routingRef(db: Firestore, id: string) {
  return db.collection(Collections.routing).doc(id);
}

/** A routing entry read in the caller's transaction; undefined when missing or unreadable. */
export async function readRoutingEntryIn(
  tx: Transaction,
  db: Firestore,
  id: string,
): Promise<RoutingEntry | undefined> {
  const data = (await tx.get(routingRef(db, id))).data();
  if (!data) return undefined;
  const parsed = routingEntrySchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** Every routing entry, for the admin page. */
export async function listRoutingEntries(
  db: Firestore,
): Promise<({ id: string } & RoutingEntry)[]> {
  const snapshot = await db.collection(Collections.routing).get();
  return snapshot.docs.map(doc => ({ id: doc.id, ...routingEntrySchema.parse(doc.data()) }));
}

export async function saveRoutingEntry(
  db: Firestore,
  id: string,
  entry: RoutingEntry,
): Promise<void> {
  await routingRef(db, id).set(entry);
}
