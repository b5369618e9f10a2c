import { getStorage } from "firebase-admin/storage";
import type { PhotoStore } from "./photo-store";

/**
 * Photos in the project's default bucket. Not exercised locally: the Storage emulator cannot
 * start on machines without internet, so keep this adapter thin.
 */
export function createCloudStoragePhotoStore(): PhotoStore {
  const bucket = getStorage().bucket();
  return {
    async save(path, bytes, contentType) {
      await bucket.file(path).save(bytes, { contentType, resumable: false, private: true });
      return path;
    },
    async remove(path) {
      await bucket.file(path).delete({ ignoreNotFound: true });
    },
    async read(path) {
      const file = bucket.file(path);
      const [exists] = await file.exists();
      if (!exists) return undefined;
      const [[bytes], [metadata]] = await Promise.all([file.download(), file.getMetadata()]);
      return { bytes, contentType: metadata.contentType ?? "application/octet-stream" };
    },
  };
}
