import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { REQUIRED_PARAMS } from "../../../functions/src/required-params";
import { liffIdOf, projectParams } from "./project-params";

const run = promisify(execFile);
/** Runtimes Cloud Functions still accepts for new deploys that this bundle is built for. */
const RUNTIMES = ["nodejs22", "nodejs24"];

export interface DeployCheck {
  problems: string[];
  /** What `firebase deploy` would upload, relative to the repository root. */
  artifacts: string[];
  /** From LIFF_BASE_URL: the Hosting predeploy step builds the LIFF app with it again. */
  liffId: string | null;
}

/**
 * Everything `firebase deploy` needs that can be checked without a cloud account: the params
 * file is complete, the region agrees with the Hosting rewrite, the runtime is supported, and
 * the functions bundle and the production LIFF build are made and in place.
 */
export async function checkDeployable(repoRoot: string, projectId: string): Promise<DeployCheck> {
  const params = projectParams(repoRoot, projectId);
  const problems: string[] = [];
  const missing = REQUIRED_PARAMS.filter(name => !params[name]);
  if (missing.length > 0) {
    problems.push(`functions/.env.${projectId} lacks ${missing.join(", ")}`);
  }
  const liffId = liffIdOf(params.LIFF_BASE_URL ?? "");
  if (params.LIFF_BASE_URL && !liffId) {
    problems.push("LIFF_BASE_URL must be https://liff.line.me/<liffId>");
  }
  const config = JSON.parse(readFileSync(join(repoRoot, "firebase.json"), "utf8"));
  const runtime = config.functions?.[0]?.runtime;
  if (!RUNTIMES.includes(runtime)) {
    problems.push(`firebase.json functions runtime is ${runtime}; use one of ${RUNTIMES}`);
  }
  const rewrite = config.hosting?.rewrites?.find(
    (r: { function?: { functionId?: string } }) => r.function?.functionId === "api",
  );
  if (params.FUNCTIONS_REGION && rewrite?.function?.region !== params.FUNCTIONS_REGION) {
    problems.push(
      `firebase.json rewrites /api/** to region ${rewrite?.function?.region}, ` +
        `but FUNCTIONS_REGION is ${params.FUNCTIONS_REGION}: set the rewrite's region to match`,
    );
  }
  if (problems.length > 0) return { problems, artifacts: [], liffId };

  const npm = (args: string[], env: Record<string, string> = {}) =>
    run("npm", args, { cwd: repoRoot, env: { ...process.env, ...env } });
  await npm(["run", "build", "-w", "functions", "--silent"]);
  await npm(["run", "build:production", "-w", "liff", "--silent"], { LIFF_ID: liffId! });

  const artifacts = ["functions/lib/index.js", "liff/dist-production/index.html"];
  for (const artifact of artifacts) {
    if (!existsSync(join(repoRoot, artifact))) problems.push(`${artifact} was not built`);
  }
  const liffConfig = join(repoRoot, config.hosting.public, "liff-config.json");
  const built = existsSync(liffConfig) ? JSON.parse(readFileSync(liffConfig, "utf8")) : null;
  if (built?.mock !== false || built?.liffId !== liffId) {
    problems.push(`${config.hosting.public}/liff-config.json is not the production config`);
  }
  const all = [...artifacts, `${config.hosting.public}/liff-config.json`];
  return { problems, artifacts: all, liffId };
}
