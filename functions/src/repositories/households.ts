import {
  householdAddressKey,
  householdDocId,
  householdSchema,
  type FollowUp,
  type Household,
  type ImportedHousehold,
  type NeedFlags,
} from "@sa/core";
import type { Firestore, Query, Transaction } from "firebase-admin/firestore";
import * as z from "zod/mini";
import { Collections } from "./collections";

/** Firestore takes at most 500 writes in one batch. */
export const HOUSEHOLD_BATCH = 500;

function householdsOf(db: Firestore) {
  return db.collection(Collections.households);
}

function parse(data: unknown): Household | undefined {
  const parsed = householdSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export async function readHousehold(db: Firestore, id: string): Promise<Household | undefined> {
  return parse((await householdsOf(db).doc(id).get()).data());
}

/**
 * Writes one batch of a list (≤ 500): a household already on file keeps its assignment and its
 * visits, and its current needs when a visit has set them; everything else is the list's.
 */
export async function upsertHouseholds(
  db: Firestore,
  provinceCode: (household: ImportedHousehold) => string,
  households: ImportedHousehold[],
  now: Date,
): Promise<{ created: number; updated: number }> {
  if (households.length > HOUSEHOLD_BATCH) throw new Error("Batch too large");
  const refs = households.map(h =>
    householdsOf(db).doc(householdDocId(provinceCode(h), h.householdId)),
  );
  const existing = refs.length > 0 ? await db.getAll(...refs) : [];
  const batch = db.batch();
  let created = 0;
  const at = now.toISOString();
  households.forEach((household, i) => {
    const before = parse(existing[i]!.data());
    if (!before) created++;
    const record: Household = {
      ...household,
      id: refs[i]!.id,
      provinceCode: household.area.provinceCode,
      addressKey: householdAddressKey(
        household.area.subDistrictCode,
        household.village,
        household.houseNumber,
      ),
      listNeeds: household.needs,
      needs: before?.lastVisit ? before.needs : household.needs,
      assignee: before?.assignee ?? null,
      lastVisit: before?.lastVisit ?? null,
      ...(before?.benefitsFound !== undefined && { benefitsFound: before.benefitsFound }),
      followUp: before?.followUp ?? null,
      importedAt: before?.importedAt ?? at,
      updatedAt: at,
    };
    batch.set(refs[i]!, record);
  });
  await batch.commit();
  return { created, updated: households.length - created };
}

/** The target households of a province (or, with null, the country), as one area filter. */
export interface HouseholdArea {
  provinceCode: string | null;
  subDistrictCode?: string;
  village?: number;
}

function inArea(db: Firestore, area: HouseholdArea): Query {
  let q: Query = householdsOf(db);
  if (area.subDistrictCode) q = q.where("area.subDistrictCode", "==", area.subDistrictCode);
  else if (area.provinceCode) q = q.where("provinceCode", "==", area.provinceCode);
  if (area.village !== undefined) q = q.where("village", "==", area.village);
  return q;
}

/** Progress needs every household of a province: up to this many are read. */
const AREA_LIMIT = 50_000;

export async function listHouseholds(db: Firestore, area: HouseholdArea): Promise<Household[]> {
  const snapshot = await inArea(db, area).limit(AREA_LIMIT).get();
  return snapshot.docs.flatMap(doc => parse(doc.data()) ?? []);
}

/** Gives every household of an area to one volunteer, in batches; returns how many. */
export async function assignHouseholds(
  db: Firestore,
  area: HouseholdArea,
  assignee: { userId: string; name: string },
  now: Date,
): Promise<number> {
  const refs = (await inArea(db, area).select().limit(AREA_LIMIT).get()).docs.map(d => d.ref);
  for (let i = 0; i < refs.length; i += HOUSEHOLD_BATCH) {
    const batch = db.batch();
    for (const ref of refs.slice(i, i + HOUSEHOLD_BATCH)) {
      batch.update(ref, { assignee, updatedAt: now.toISOString() });
    }
    await batch.commit();
  }
  return refs.length;
}

export async function listHouseholdsAssignedTo(
  db: Firestore,
  userId: string,
): Promise<Household[]> {
  const snapshot = await householdsOf(db).where("assignee.userId", "==", userId).limit(2000).get();
  return snapshot.docs.flatMap(doc => parse(doc.data()) ?? []);
}

/** The target household at a case's address, if there is one. */
export async function findHouseholdAt(
  db: Firestore,
  addressKey: string,
): Promise<Household | undefined> {
  const snapshot = await householdsOf(db).where("addressKey", "==", addressKey).limit(1).get();
  return snapshot.docs.length > 0 ? parse(snapshot.docs[0]!.data()) : undefined;
}

/** A household read inside a transaction: a change to it meanwhile makes Firestore run it again. */
export async function readHouseholdIn(
  tx: Transaction,
  db: Firestore,
  id: string,
): Promise<Household | undefined> {
  return parse((await tx.get(householdsOf(db).doc(id))).data());
}

const visitRef = (db: Firestore, householdId: string, visitId: string) =>
  householdsOf(db).doc(householdId).collection(Collections.householdVisits).doc(visitId);

/** Whether a visit with this client id is on file: a retry writes nothing. */
export async function hasHouseholdVisitIn(
  tx: Transaction,
  db: Firestore,
  householdId: string,
  visitId: string,
): Promise<boolean> {
  return (await tx.get(visitRef(db, householdId, visitId))).exists;
}

/**
 * Writes a visit in the transaction that read the household and checked access: the visit
 * under the household, the household's current needs and its latest visit.
 */
export function writeHouseholdVisit(
  tx: Transaction,
  db: Firestore,
  householdId: string,
  visit: {
    id: string;
    at: string;
    by: { userId: string; name: string };
    needs: NeedFlags;
    benefitsFound: number;
    /** What the visit's next step leaves open (core/src/follow-up.ts); null ends it. */
    followUp: FollowUp | null;
    data: unknown;
  },
  now: Date,
): void {
  tx.create(visitRef(db, householdId, visit.id), {
    at: visit.at,
    by: visit.by,
    needs: visit.needs,
    benefitsFound: visit.benefitsFound,
    data: visit.data,
  });
  tx.update(householdsOf(db).doc(householdId), {
    needs: visit.needs,
    benefitsFound: visit.benefitsFound,
    lastVisit: { id: visit.id, at: visit.at, by: visit.by },
    followUp: visit.followUp,
    updatedAt: now.toISOString(),
  });
}

export const importJobSchema = z.object({
  id: z.string(),
  by: z.string(),
  fileName: z.string(),
  status: z.enum(["running", "done"]),
  total: z.number(),
  written: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
});
export type ImportJob = z.infer<typeof importJobSchema>;

function jobRef(db: Firestore, id: string) {
  return db.collection(Collections.householdImports).doc(id);
}

export async function readImportJob(db: Firestore, id: string): Promise<ImportJob | undefined> {
  const parsed = importJobSchema.safeParse((await jobRef(db, id).get()).data());
  return parsed.success ? parsed.data : undefined;
}

export async function saveImportJob(db: Firestore, job: ImportJob): Promise<void> {
  await jobRef(db, job.id).set(job);
}

export function householdRef(db: Firestore, id: string) {
  return householdsOf(db).doc(id);
}

/** Ids of households with a follow-up due on one of `dates` (YYYY-MM-DD, at most 30). */
export async function listHouseholdFollowUpsDueOn(
  db: Firestore,
  dates: string[],
  limit = 500,
): Promise<string[]> {
  const snapshot = await householdsOf(db).where("followUp.due", "in", dates).limit(limit).get();
  return snapshot.docs.map(doc => doc.id);
}
