import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentedFunctions, REPO_ROOT, run } from "../../support/deploy";

/**
 * What Cloud Build does with the upload: only functions/ (its bundle and package.json), its
 * own dependencies installed from npm, then the code started in a new Node process. A
 * workspace import left out of the bundle, or a dependency missing from package.json, fails
 * here instead of in production.
 */
let dir = "";

const PARAMS = {
  FUNCTIONS_REGION: "asia-southeast1",
  LINE_LOGIN_CHANNEL_ID: "1234567890",
  LIFF_BASE_URL: "https://liff.line.me/1234567890-abcdefgh",
};

async function start(target: string, env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  const { stdout } = await run(process.execPath, ["start-function.mjs"], {
    cwd: dir,
    env: { PATH, HOME, FUNCTION_TARGET: target, ...env },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as {
    exported: string[];
    status: number;
    startError: string | null;
  };
}

beforeAll(async () => {
  await run("npm", ["run", "build", "-w", "functions", "--silent"], { cwd: REPO_ROOT });
  dir = mkdtempSync(join(tmpdir(), "functions-bundle-"));
  for (const entry of ["package.json", "lib"]) {
    cpSync(join(REPO_ROOT, "functions", entry), join(dir, entry), { recursive: true });
  }
  cpSync(
    join(REPO_ROOT, "test/fixtures/deploy/start-function.mjs"),
    join(dir, "start-function.mjs"),
  );
  await run("npm", ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], {
    cwd: dir,
  });
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

// Each case starts a new Node process that loads firebase-admin: slow on a shared machine.
describe("the deployable functions bundle", { timeout: 120_000 }, () => {
  it("loads with only its own dependencies and exports every function the runbook names", async () => {
    const documented = documentedFunctions();
    expect(documented.length).toBeGreaterThan(0);
    const { exported, status, startError } = await start("api", PARAMS);
    expect(exported.sort()).toEqual([...documented].sort());
    expect(startError).toBeNull();
    expect(status).toBeLessThan(500);
  });

  it("refuses to start without its params, naming each one missing", async () => {
    const { status, startError } = await start("api", {});
    expect(status).toBe(500);
    for (const name of Object.keys(PARAMS)) expect(startError).toContain(name);
  });

  it("refuses to start the webhook without the channel secret, naming it", async () => {
    const { startError } = await start("webhook", { ...PARAMS, LINE_CHANNEL_ID: "2000000001" });
    expect(startError).toContain("LINE_CHANNEL_SECRET");
  });

  it("refuses to push without a way to get channel access tokens", async () => {
    const { startError } = await start("sweep", { ...PARAMS, LINE_CHANNEL_SECRET: "secret" });
    expect(startError).toContain("LINE_CHANNEL_ID or LINE_CHANNEL_ACCESS_TOKEN");
  });
});
