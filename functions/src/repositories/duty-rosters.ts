import { dutyRosterSchema, type DutyRoster } from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";

export function rosterRef(db: Firestore, id: string) {
  return db.collection(Collections.duty).doc(id);
}

/** A province's (or `national`) roster; undefined when none was ever set up. */
export async function readRosterIn(
  tx: Transaction,
  db: Firestore,
  id: string,
): Promise<DutyRoster | undefined> {
  const data = (await tx.get(rosterRef(db, id))).data();
  if (!data) return undefined;
  const parsed = dutyRosterSchema.safeParse(data);
  // A damaged roster must not silence urgent alerts: treat it as empty, so the centre gets them.
  return parsed.success ? parsed.data : { shifts: [] };
}
