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

/** A path that depends only on the LINE message, so a redelivered image lands on itself. */
export function reportPhotoPath(userId: string, messageId: string, contentType: string): string {
  const extension = EXTENSIONS[contentType.split(";")[0]!.trim()] ?? "bin";
  return `report-photos/${userId}/${messageId}.${extension}`;
}
