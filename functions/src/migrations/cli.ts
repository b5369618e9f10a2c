import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { migrate } from "./migrate";

/**
 * `npm run migrate -- --dry-run` (says what it would change) or `npm run migrate` (changes it).
 * The Firestore emulator by default (FIRESTORE_EMULATOR_HOST, project `--emulator-project` or
 * GCLOUD_PROJECT or demo-social-assist); a real project only when named: `--project <id>`,
 * with the emulator variable unset so the two cannot be confused.
 */
const USAGE =
  "usage: npm run migrate -- [--dry-run] [--project <real project id> | --emulator-project <id>]";

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith("--")) throw new Error(`${name} needs a value\n${USAGE}`);
  return value;
}

async function main(args: string[]): Promise<void> {
  const known = new Set(["--dry-run", "--project", "--emulator-project"]);
  const unknown = args.filter(a => a.startsWith("--") && !known.has(a));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")}\n${USAGE}`);
  const apply = !args.includes("--dry-run");
  const realProject = option(args, "--project");
  const emulator = process.env.FIRESTORE_EMULATOR_HOST;
  if (realProject && emulator) {
    throw new Error(
      `--project ${realProject} names a real project, but FIRESTORE_EMULATOR_HOST is set: unset it`,
    );
  }
  if (!realProject && !emulator) {
    throw new Error(
      `FIRESTORE_EMULATOR_HOST is not set: start the emulator, or name a real project with --project\n${USAGE}`,
    );
  }
  const projectId =
    realProject ??
    option(args, "--emulator-project") ??
    process.env.GCLOUD_PROJECT ??
    "demo-social-assist";
  const app = initializeApp({ projectId }, "migrate");
  try {
    const target = realProject ? `project ${projectId}` : `emulator ${emulator} (${projectId})`;
    console.log(`${apply ? "Migrating" : "Dry run on"} ${target}`);
    const result = await migrate(getFirestore(app), { apply });
    console.log(
      `cases ${apply ? "moved" : "that would move"} from reports to cases: ${result.casesMoved}`,
    );
    const verb = apply ? "set" : "would set";
    for (const { userId, provinceCode } of result.scopes)
      console.log(`scope ${verb}: ${userId} → province ${provinceCode}`);
    for (const userId of result.needAdmin)
      console.log(`NEEDS AN ADMIN: staff ${userId} has no readable area: give a scope by hand`);
    console.log(
      `reports ${apply ? "given" : "that would get"} photosRemovedAt: null: ${result.photosRemovedAtBackfilled}`,
    );
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await deleteApp(app);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
