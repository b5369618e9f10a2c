import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkDeployable } from "./deploy-check";

/**
 * `npm run deploy -- --project <id>`: checks and builds everything (see deploy-check.ts), then
 * deploys functions, Firestore rules and indexes, Storage rules and Hosting with firebase-tools.
 * `--check` stops after the builds: the part that runs without a cloud account.
 */
const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const { values } = parseArgs({
  options: { project: { type: "string" }, check: { type: "boolean", default: false } },
});
if (!values.project) {
  console.error("Usage: npm run deploy -- --project <firebase-project-id> [--check]");
  process.exit(2);
}
const { problems, artifacts, liffId } = await checkDeployable(REPO_ROOT, values.project);
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
for (const artifact of artifacts) console.log(`✓ ${artifact}`);
if (values.check) {
  console.log(`Ready to deploy to ${values.project}.`);
  process.exit(0);
}
const firebase = join(REPO_ROOT, "node_modules", ".bin", "firebase");
const only = "functions,firestore,storage,hosting";
const result = spawnSync(firebase, ["deploy", "--project", values.project, "--only", only], {
  cwd: REPO_ROOT,
  stdio: "inherit",
  env: { ...process.env, LIFF_ID: liffId! },
});
process.exit(result.status ?? 1);
