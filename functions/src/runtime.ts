import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { photoStoreDir } from "./config";
import { createCloudStoragePhotoStore } from "./photos/cloud-storage-photo-store";
import { createLocalPhotoStore } from "./photos/local-photo-store";
import type { PhotoStore } from "./photos/photo-store";

let db: Firestore | undefined;

/** The instance's Firestore client, set up once. */
export function firestore(): Firestore {
  if (!db) {
    if (getApps().length === 0) initializeApp();
    db = getFirestore();
    // Optional fields are often absent: store them as missing, not as errors.
    db.settings({ ignoreUndefinedProperties: true });
  }
  return db;
}

export function photoStore(): PhotoStore {
  const dir = photoStoreDir.value();
  if (getApps().length === 0) initializeApp();
  return dir ? createLocalPhotoStore(dir) : createCloudStoragePhotoStore();
}
