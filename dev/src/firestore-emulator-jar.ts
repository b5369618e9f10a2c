import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Debian's google-cloud-cli-firestore-emulator puts the official emulator here. */
export const GCLOUD_FIRESTORE_JAR =
  "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";

/**
 * firebase-tools runs its Firestore emulator with `java -jar`, and cannot download its own jar
 * without internet. The gcloud jar is on the machine but has no Main-Class, so we give
 * firebase-tools (through FIRESTORE_EMULATOR_BINARY_PATH) a tiny jar whose manifest names the
 * main class and puts the gcloud jar on the class path. Where the gcloud jar is absent (a
 * machine with internet), returns undefined and firebase-tools fetches its own as usual.
 */
export function firestoreWrapperJar(cacheDir: string): string | undefined {
  if (!existsSync(GCLOUD_FIRESTORE_JAR)) return undefined;
  const jar = join(cacheDir, "firestore-emulator-wrapper.jar");
  if (existsSync(jar)) return jar;
  mkdirSync(cacheDir, { recursive: true });
  const manifest = join(cacheDir, "firestore-emulator-manifest.txt");
  writeFileSync(
    manifest,
    "Main-Class: com.google.cloud.datastore.emulator.firestore.CloudFirestore\n" +
      `Class-Path: file://${GCLOUD_FIRESTORE_JAR}\n`,
  );
  execFileSync("jar", ["cfm", jar, manifest]);
  return jar;
}
