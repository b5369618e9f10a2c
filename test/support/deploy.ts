import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const run = promisify(execFile);

/** docs/OPERATIONS.md, the operator's runbook, which several tests hold to the code. */
export function operationsDoc(): string {
  return readFileSync(join(REPO_ROOT, "docs", "OPERATIONS.md"), "utf8");
}

/** The Cloud Functions the runbook names: the rows of its "Functions" table. */
export function documentedFunctions(): string[] {
  const section =
    operationsDoc()
      .split(/^## Functions$/m)[1]
      ?.split(/^## /m)[0] ?? "";
  return [...section.matchAll(/^\| `(\w+)` +\|/gm)].map(match => match[1]!);
}
