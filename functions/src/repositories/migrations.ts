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
    let query = db.collection(Collections.cases).orderBy(FieldPath.documentId()).limit(PAGE);
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
  const ref = db.collection(Collections.cases).doc(ticket);
  return db.runTransaction(async tx => {
    const current = await tx.get(ref);
    if (!current.exists || current.get("photosRemovedAt") !== undefined) return false;
    tx.update(ref, { photosRemovedAt: null });
    return true;
  });
}

/** The collection cases were kept in before the rename to one word (`cases`). */
const LEGACY_CASES = "reports";
/** Writes per batch: Firestore allows 500. */
const BATCH = 400;

/** Tickets still in the old `reports` collection. */
export async function listLegacyCases(db: Firestore): Promise<string[]> {
  const refs = await db.collection(LEGACY_CASES).listDocuments();
  return refs.map(ref => ref.id);
}

/**
 * Moves one case and its timeline from `cases/{ticket}` to `cases/{ticket}`: copies, then
 * deletes the old documents. Copying again is harmless, so a run cut short is simply re-run;
 * a case that already exists under `cases` (made after the deploy) is never overwritten.
 */
export async function moveLegacyCase(db: Firestore, ticket: string): Promise<boolean> {
  const from = db.collection(LEGACY_CASES).doc(ticket);
  const to = db.collection(Collections.cases).doc(ticket);
  const [old, existing] = await Promise.all([from.get(), to.get()]);
  const timeline = await from.collection(Collections.timeline).get();
  if (!old.exists && timeline.empty) return false;
  const writes: ((batch: FirebaseFirestore.WriteBatch) => void)[] = [];
  if (old.exists && !existing.exists) writes.push(batch => batch.set(to, old.data()!));
  for (const entry of timeline.docs) {
    writes.push(batch =>
      batch.set(to.collection(Collections.timeline).doc(entry.id), entry.data()),
    );
  }
  for (const entry of timeline.docs) writes.push(batch => batch.delete(entry.ref));
  if (old.exists) writes.push(batch => batch.delete(from));
  for (let start = 0; start < writes.length; start += BATCH) {
    const batch = db.batch();
    for (const write of writes.slice(start, start + BATCH)) write(batch);
    await batch.commit();
  }
  return true;
}
