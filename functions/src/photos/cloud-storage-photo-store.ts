import type { getStorage } from "firebase-admin/storage";
import type { PhotoStore } from "./photo-store";

type Bucket = ReturnType<ReturnType<typeof getStorage>["bucket"]>;
let bucketLoaded: Promise<Bucket> | undefined;

/**
 * The bucket, with the Storage client loaded on first use: most webhook events carry no photo,
 * and loading the client (with its Google Cloud dependencies) would slow every cold start.
 */
function defaultBucket(): Promise<Bucket> {
  bucketLoaded ??= import("firebase-admin/storage").then(storage => storage.getStorage().bucket());
  return bucketLoaded;
}

/**
 * Photos in the project's default bucket. Not exercised locally: the Storage emulator cannot
 * start on machines without internet, so keep this adapter thin.
 */
export function createCloudStoragePhotoStore(): PhotoStore {
  return {
    async save(path, bytes, contentType) {
      const bucket = await defaultBucket();
      await bucket.file(path).save(bytes, { contentType, resumable: false, private: true });
      return path;
    },
    async remove(path) {
      const bucket = await defaultBucket();
      await bucket.file(path).delete({ ignoreNotFound: true });
    },
    async read(path) {
      const file = (await defaultBucket()).file(path);
      const [exists] = await file.exists();
      if (!exists) return undefined;
      const [[bytes], [metadata]] = await Promise.all([file.download(), file.getMetadata()]);
      return { bytes, contentType: metadata.contentType ?? "application/octet-stream" };
    },
  };
}
