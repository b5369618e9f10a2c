import { deleteApp, initializeApp, type App } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, inject } from "vitest";

/**
 * Firestore of a project of its own on the test emulator, where no function is deployed: code
 * under test runs in this process and no trigger acts on what it writes. Call at the top of a
 * file; the returned function gives the handle once the file's tests run.
 */
export function ownProjectFirestore(name: string): () => Firestore {
  const projectId = ownProjectId(name);
  let app: App | undefined;
  let db: Firestore | undefined;
  beforeAll(() => {
    process.env.FIRESTORE_EMULATOR_HOST = inject("stack").firestoreHost;
    app = initializeApp({ projectId }, name);
    db = getFirestore(app);
  });
  afterAll(async () => {
    if (app) await deleteApp(app);
  });
  return () => db!;
}

/** The emulator project `ownProjectFirestore(name)` uses, for a command run against it. */
export function ownProjectId(name: string): string {
  return `demo-sa-${name}-${process.pid}`;
}
