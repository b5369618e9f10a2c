import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { inject } from "vitest";

/** The test's own Admin SDK client on the same Firestore emulator as the functions. */
export function testFirestore(): Firestore {
  const { firestoreHost, projectId } = inject("stack");
  process.env.FIRESTORE_EMULATOR_HOST = firestoreHost;
  const app = getApps()[0] ?? initializeApp({ projectId });
  return getFirestore(app);
}

/** Empties the emulator between tests (the emulator's own endpoint, not a document loop). */
export async function clearFirestore(): Promise<void> {
  const { firestoreHost, projectId } = inject("stack");
  const response = await fetch(
    `http://${firestoreHost}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
    { method: "DELETE" },
  );
  if (!response.ok) throw new Error(`clearing Firestore failed: ${response.status}`);
}
