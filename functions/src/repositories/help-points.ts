import { compareNames, helpPointSchema, provinceOfHelpPoint, type HelpPoint } from "@sa/core";
import {
  FieldValue,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
} from "firebase-admin/firestore";
import * as z from "zod/mini";
import { Collections } from "./collections";

/** As stored: the admin's fields plus bookkeeping, which the reader ignores. */
const storedHelpPointSchema = z.object(helpPointSchema.shape);

/** Firestore commits at most 500 writes at once. */
const BATCH = 400;
/** A province has a few hundred sub-districts at most; one read is all of them. */
const PROVINCE_LIMIT = 2000;

function parse(docs: QueryDocumentSnapshot[]): HelpPoint[] {
  return docs
    .map(doc => storedHelpPointSchema.safeParse({ ...doc.data(), id: doc.id }))
    .flatMap(parsed => (parsed.success ? [parsed.data] : []))
    .sort((a, b) => compareNames("th")(a.name, b.name));
}

/** The help points of one province, or (null) of every province, by name. */
export async function listHelpPoints(
  db: Firestore,
  provinceCode: string | null,
): Promise<HelpPoint[]> {
  let q: Query = db.collection(Collections.helpPoints);
  if (provinceCode !== null) q = q.where("provinceCode", "==", provinceCode);
  return parse((await q.limit(PROVINCE_LIMIT).get()).docs);
}

/**
 * Creates or replaces help points by id, in batches: a second import of the same list changes
 * the same documents. Returns how many of them existed before.
 */
export async function saveHelpPoints(
  db: Firestore,
  points: readonly HelpPoint[],
  updatedBy: string,
): Promise<{ created: number; updated: number }> {
  const refs = points.map(p => db.collection(Collections.helpPoints).doc(p.id));
  let updated = 0;
  for (let i = 0; i < points.length; i += BATCH) {
    const slice = refs.slice(i, i + BATCH);
    updated += (await db.getAll(...slice)).filter(doc => doc.exists).length;
    const batch = db.batch();
    slice.forEach((ref, j) => {
      const point = points[i + j]!;
      batch.set(ref, {
        ...point,
        provinceCode: provinceOfHelpPoint(point),
        updatedAt: FieldValue.serverTimestamp(),
        updatedBy,
      });
    });
    await batch.commit();
  }
  return { created: points.length - updated, updated };
}

/** False when there was no such help point. */
export async function removeHelpPoint(db: Firestore, id: string): Promise<boolean> {
  const ref = db.collection(Collections.helpPoints).doc(id);
  return db.runTransaction(async tx => {
    if (!(await tx.get(ref)).exists) return false;
    tx.delete(ref);
    return true;
  });
}
