import type { Firestore } from "firebase-admin/firestore";
import type { PhotoStore } from "../photos/photo-store";
import { listClosedWithPhotos, markPhotosRemoved } from "../repositories/case-records";

/** How many closed cases one sweep looks at; the rest wait for the next minute. */
const BATCH = 100;

export interface PhotoRetention {
  now: Date;
  /** Photos of a case closed (and left unchanged) this many days are deleted. */
  retentionDays: number;
}

/**
 * Photos, voice notes and videos of closed cases are kept only as long as the retention period
 * says: after it, the sweep deletes the files and records it on the case (`photos: []`,
 * `media: []`, `photosRemovedAt`), which also takes the case out of this query. Files go first, so a failure never leaves a photo
 * nobody points at; a case changed meanwhile (reopened, updated) is left for later.
 * Reports are created with `photosRemovedAt: null` (functions/src/repositories/case-records.ts).
 */
export async function purgeClosedPhotos(
  db: Firestore,
  photos: PhotoStore,
  options: PhotoRetention,
  limit = BATCH,
): Promise<number> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 86_400_000);
  let purged = 0;
  for (const due of await listClosedWithPhotos(db, cutoff, limit)) {
    await Promise.all([...due.photos, ...due.media].map(path => photos.remove(path)));
    if (await markPhotosRemoved(db, due.ticket, cutoff, options.now)) purged++;
  }
  return purged;
}
