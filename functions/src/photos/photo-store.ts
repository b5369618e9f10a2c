import { createHash } from "node:crypto";

/**
 * Where report photos are kept. Cloud Storage in production; a local folder on the local
 * stack, because the Storage emulator cannot start without internet (see DESIGN.md).
 */
export interface PhotoStore {
  /** Saves the bytes under `path` (the same path twice overwrites) and returns the path. */
  save(path: string, bytes: Buffer, contentType: string): Promise<string>;
  remove(path: string): Promise<void>;
  /** The bytes of a stored photo, or undefined when there is none at `path`. */
  read(path: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "audio/mpeg": "mp3",
  "audio/ogg": "ogg",
  "audio/amr": "amr",
  "video/mp4": "mp4",
  "video/webm": "webm",
};

/**
 * Where a report photo is kept: `report-photos/{key}/{messageId}.{ext}`, where the key stands
 * for the report, never for the person who sent it — an erased reporter's photos must not
 * stay linked to their LINE id (paths of the form `report-photos/{LINE id}/…` from before
 * are still read, as reports name their photos by full path). `key` is the urgent report's
 * ticket, or for a report still being drafted the key of its first photo (see draftPhotoKey).
 * The same message always lands on the same path, so a redelivered image lands on itself.
 */
export function reportPhotoPath(key: string, messageId: string, contentType: string): string {
  const extension = EXTENSIONS[contentType.split(";")[0]!.trim()] ?? "bin";
  return `report-photos/${key}/${messageId}.${extension}`;
}

/**
 * The folder of a draft's photos: the one its first photo went to, else a key derived from
 * the first photo's LINE message id alone (not the sender), so a retried first photo finds
 * the same place. The draft becomes the report, and the folder with it.
 */
export function draftPhotoKey(draftPhotos: readonly string[], messageId: string): string {
  // Only a key of ours: a draft begun before the change may hold `report-photos/{LINE id}/…`.
  const first = /^report-photos\/(r-[0-9a-f]{24})\/[^/]+$/.exec(draftPhotos[0] ?? "");
  if (first) return first[1]!;
  return `r-${createHash("sha256").update(`report-photo:${messageId}`).digest("hex").slice(0, 24)}`;
}
