import { areaSchema } from "@sa/core";
import { FieldPath, type Firestore } from "firebase-admin/firestore";
import { Collections } from "./collections";
import { staffScopeSchema, type StaffScope } from "./users";

/** Documents read per page when a migration walks a whole collection. */
const PAGE = 300;

/** A staff account as the scope migration sees it: its old `area`, parsed or not. */
export interface StaffWithoutScope {
  userId: string;
  /** The province the old `area` names, or null when it is missing or does not parse. */
  provinceCode: string | null;
}

/**
 * Staff accounts with no readable `scope` (made before scopes existed), each with the province
 * its old `area` names, if it parses. Staff are few: one query, no paging.
 */
export async function listStaffWithoutScope(db: Firestore): Promise<StaffWithoutScope[]> {
  const snapshot = await db.collection(Collections.users).where("role", "==", "staff").get();
  return snapshot.docs.flatMap(doc => {
    const data = doc.data();
    if (staffScopeSchema.safeParse(data.scope).success) return [];
    const area = areaSchema.safeParse(data.area);
    return [{ userId: doc.id, provinceCode: area.success ? area.data.provinceCode : null }];
  });
}

/** Sets a staff member's scope, only while they still have none (a re-run changes nothing). */
export async function setScopeIfUnset(
  db: Firestore,
  userId: string,
  scope: StaffScope,
): Promise<boolean> {
  const ref = db.collection(Collections.users).doc(userId);
  return db.runTransaction(async tx => {
    const data = (await tx.get(ref)).data();
    if (!data || staffScopeSchema.safeParse(data.scope).success) return false;
    tx.update(ref, { scope });
    return true;
  });
}

/**
 * Tickets of reports without a `photosRemovedAt` field (made before the retention sweep): the
 * sweep's query asks for `== null`, which a missing field never matches. Firestore cannot
 * query for a missing field, so every report is walked, a page at a time, by document id.
 */
export async function listReportsWithoutPhotosRemovedAt(db: Firestore): Promise<string[]> {
  const tickets: string[] = [];
  let after: string | undefined;
  for (;;) {
    let query = db.collection(Collections.reports).orderBy(FieldPath.documentId()).limit(PAGE);
    if (after !== undefined) query = query.startAfter(after);
    const page = await query.select("photosRemovedAt").get();
    for (const doc of page.docs) {
      if (doc.get("photosRemovedAt") === undefined) tickets.push(doc.id);
    }
    if (page.size < PAGE) return tickets;
    after = page.docs[page.size - 1]!.id;
  }
}

/** Adds `photosRemovedAt: null` to a report that still has no such field. */
export async function backfillPhotosRemovedAt(db: Firestore, ticket: string): Promise<boolean> {
  const ref = db.collection(Collections.reports).doc(ticket);
  return db.runTransaction(async tx => {
    const current = await tx.get(ref);
    if (!current.exists || current.get("photosRemovedAt") !== undefined) return false;
    tx.update(ref, { photosRemovedAt: null });
    return true;
  });
}
