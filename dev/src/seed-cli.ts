import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { parseArgs } from "node:util";
import { DEMO_USERS, seedFirestore, seedSimUsers } from "./seed";

/**
 * `npm run seed`: the demo province (routing, duty rosters, staff and volunteers) into the
 * Firestore emulator (FIRESTORE_EMULATOR_HOST, else the one `npm start` runs), or into a real
 * project only when it is named with --project and no emulator is given: then with the
 * operator's own Google credentials (`gcloud auth application-default login`).
 */
const { values } = parseArgs({
  options: {
    project: { type: "string" },
    emulator: { type: "string" },
    "line-url": { type: "string" },
  },
});
const emulator =
  values.emulator ??
  process.env.FIRESTORE_EMULATOR_HOST ??
  (values.project ? undefined : "127.0.0.1:8080");
const projectId = values.project ?? "demo-social-assist";
if (emulator) {
  process.env.FIRESTORE_EMULATOR_HOST = emulator;
  // No Google credentials against the emulator: skip looking for a metadata server.
  process.env.METADATA_SERVER_DETECTION ??= "none";
} else delete process.env.FIRESTORE_EMULATOR_HOST;

const app = initializeApp({ projectId }, "seed-cli");
try {
  const written = await seedFirestore(getFirestore(app));
  console.log(
    `Seeded ${written} documents into ${emulator ? `the emulator at ${emulator}` : "the real project"} ` +
      `(project ${projectId}): routing, duty rosters and ${DEMO_USERS.length} demo people.`,
  );
  if (values["line-url"]) {
    await seedSimUsers(values["line-url"]);
    console.log(`Added the demo people to the LINE stand-in at ${values["line-url"]}.`);
  }
} finally {
  await deleteApp(app);
}
