import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { projectParams } from "../deploy/project-params";
import { CONSOLE_STEPS, setupLine } from "./setup-line";

/**
 * `npm run setup:line -- --project <id>`: rich menus, per-language links and the webhook of the
 * channel whose token is in LINE_CHANNEL_ACCESS_TOKEN. English speakers are read from the
 * project's Firestore (or the emulator at FIRESTORE_EMULATOR_HOST / --emulator). The webhook
 * URL is the deployed function's unless --webhook-url (or WEBHOOK_URL) says otherwise;
 * --line-api and --line-data-api (or LINE_API_BASE_URL, LINE_DATA_API_BASE_URL) point it at
 * the local stand-in.
 */
const { values } = parseArgs({
  options: {
    project: { type: "string" },
    emulator: { type: "string" },
    "webhook-url": { type: "string", default: process.env.WEBHOOK_URL },
    // As the functions read them: the stand-in's URL when these are set.
    "line-api": { type: "string", default: process.env.LINE_API_BASE_URL || "https://api.line.me" },
    "line-data-api": {
      type: "string",
      default: process.env.LINE_DATA_API_BASE_URL || "https://api-data.line.me",
    },
  },
});
const token = process.env.LINE_CHANNEL_ACCESS_TOKEN;
if (!token || !values.project) {
  console.error(
    "Usage: LINE_CHANNEL_ACCESS_TOKEN=… npm run setup:line -- --project <id> [--webhook-url URL]",
  );
  process.exit(2);
}
const region = projectParams(
  resolve(import.meta.dirname, "../../.."),
  values.project,
).FUNCTIONS_REGION;
const webhookUrl =
  values["webhook-url"] ??
  (region ? `https://${region}-${values.project}.cloudfunctions.net/webhook` : undefined);
if (!webhookUrl) {
  console.error(`No --webhook-url, and functions/.env.${values.project} has no FUNCTIONS_REGION`);
  process.exit(2);
}

const emulator = values.emulator ?? process.env.FIRESTORE_EMULATOR_HOST;
if (emulator) {
  process.env.FIRESTORE_EMULATOR_HOST = emulator;
  // No Google credentials against the emulator: skip looking for a metadata server.
  process.env.METADATA_SERVER_DETECTION ??= "none";
}
const app = initializeApp({ projectId: values.project }, "setup-line");
let englishUserIds: string[];
try {
  const english = await getFirestore(app).collection("users").where("language", "==", "en").get();
  englishUserIds = english.docs.map(doc => doc.id);
} finally {
  await deleteApp(app);
}

const result = await setupLine({
  channelAccessToken: token,
  apiBaseUrl: values["line-api"],
  dataApiBaseUrl: values["line-data-api"],
  englishUserIds,
  webhookUrl,
});
console.log(`Rich menus: Thai ${result.menus.th} (default), English ${result.menus.en}`);
console.log(
  `English menu linked to ${englishUserIds.length} user(s); replaced ${result.replaced.length} old menu(s).`,
);
const test = result.webhookTest!;
console.log(
  `Webhook ${webhookUrl}: LINE's test call ${test.success ? "succeeded" : "FAILED"} ` +
    `(${test.statusCode} ${test.reason}${test.success ? "" : `: ${test.detail}`})`,
);
console.log("\nStill to do in the LINE console:");
for (const step of CONSOLE_STEPS) console.log(`  - ${step}`);
process.exit(test.success ? 0 : 1);
