import type { Firestore } from "firebase-admin/firestore";
import type { PhotoStore } from "../photos/photo-store";
import { Collections } from "../repositories/collections";

/** How many closed cases one sweep looks at; the rest wait for the next minute. */
const BATCH = 100;

export interface PhotoRetention {
  now: Date;
  /** Photos of a case closed (and left unchanged) this many days are deleted. */
  retentionDays: number;
}

/**
 * Photos of closed cases are kept only as long as the retention period says: after it, the
 * sweep deletes the files and records it on the case (`photos: []`, `photosRemovedAt`), which
 * also takes the case out of this query. Files go first, so a failure never leaves a photo
 * nobody points at; a case changed meanwhile (reopened, updated) is left for later.
 * Reports are created with `photosRemovedAt: null` (functions/src/repositories/reports.ts).
 */
export async function purgeClosedPhotos(
  db: Firestore,
  photos: PhotoStore,
  options: PhotoRetention,
  limit = BATCH,
): Promise<number> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 86_400_000);
  const due = await db
    .collection(Collections.reports)
    .where("status", "==", "closed")
    .where("photosRemovedAt", "==", null)
    .where("updatedAt", "<=", cutoff.toISOString())
    .limit(limit)
    .get();
  let purged = 0;
  for (const doc of due.docs) {
    const paths: unknown = doc.get("photos");
    const files = Array.isArray(paths)
      ? paths.filter((p): p is string => typeof p === "string")
      : [];
    await Promise.all(files.map(path => photos.remove(path)));
    const done = await db.runTransaction(async tx => {
      const current = await tx.get(doc.ref);
      const still =
        current.get("status") === "closed" &&
        current.get("photosRemovedAt") === null &&
        String(current.get("updatedAt")) <= cutoff.toISOString();
      if (!still) return false;
      tx.update(doc.ref, { photos: [], photosRemovedAt: options.now.toISOString() });
      return true;
    });
    if (done) purged++;
  }
  return purged;
}
