import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { photoStoreDir } from "./config";
import { createCloudStoragePhotoStore } from "./photos/cloud-storage-photo-store";
import { createLocalPhotoStore } from "./photos/local-photo-store";
import type { PhotoStore } from "./photos/photo-store";

let db: Firestore | undefined;

/**
 * The default Admin app, created once. Checked by name: inside the Functions emulator a
 * trigger may already have other (named) apps, and `getFirestore()` needs the default one.
 */
function defaultApp(): App {
  return getApps().find(app => app.name === "[DEFAULT]") ?? initializeApp();
}

/** The instance's Firestore client, set up once. */
export function firestore(): Firestore {
  if (!db) {
    db = getFirestore(defaultApp());
    // Optional fields are often absent: store them as missing, not as errors.
    db.settings({ ignoreUndefinedProperties: true });
  }
  return db;
}

export function photoStore(): PhotoStore {
  const dir = photoStoreDir.value();
  defaultApp();
  return dir ? createLocalPhotoStore(dir) : createCloudStoragePhotoStore();
}
