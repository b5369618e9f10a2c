import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, run } from "../../support/deploy";

/**
 * `npm run deploy` without the last step: `npm run deploy:check` reads the project's params,
 * builds the functions bundle and the production LIFF app, and says what would be uploaded.
 */
const PROJECT = `demo-deploy-check-${process.pid}`;
const ENV_FILE = join(REPO_ROOT, "functions", `.env.${PROJECT}`);
const LIFF_ID = "2001234567-AbCdEfGh";
const PARAMS = [
  "FUNCTIONS_REGION=asia-southeast1",
  "LINE_LOGIN_CHANNEL_ID=2001234567",
  `LIFF_BASE_URL=https://liff.line.me/${LIFF_ID}`,
];

/**
 * What only the local stack may carry: the LIFF mock, the "who am I" picker (its chunk and
 * its texts' keys in code) and the LINE stand-in's client and config. Each is a string that
 * code of that part cannot do without.
 */
const SIMULATOR_MARKERS = [
  "LiffMockPlugin",
  "/sim/users",
  "whoAmI.title",
  "lineSimulatorUrl",
  "$mock",
];

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "liff-build-"));
  made.push(dir);
  return dir;
}

function deployCheck(params: string[]) {
  writeFileSync(ENV_FILE, `${params.join("\n")}\n`);
  return run("npm", ["run", "deploy:check", "--silent", "--", "--project", PROJECT], {
    cwd: REPO_ROOT,
  }).catch((error: { stdout: string; stderr: string; code: number }) => error);
}

function viteBuild(mode: string, outDir: string, env: Record<string, string> = {}) {
  return run("npx", ["vite", "build", "--mode", mode, "--outDir", outDir, "--logLevel", "error"], {
    cwd: join(REPO_ROOT, "liff"),
    env: { ...process.env, LIFF_ID: "", ...env },
  });
}

/** Every built file's text, by name. */
function bundle(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (/\.(js|html|json)$/.test(name)) files.set(name, readFileSync(join(dir, name), "utf8"));
  }
  return files;
}

const found = (files: Map<string, string>) =>
  SIMULATOR_MARKERS.filter(marker => [...files.values()].some(text => text.includes(marker)));

let checked: { stdout: string; stderr: string };
let production = new Map<string, string>();
let local = new Map<string, string>();

beforeAll(async () => {
  checked = await deployCheck(PARAMS);
  production = bundle(join(REPO_ROOT, "liff", "dist-production"));
  const localDir = tempDir();
  await viteBuild("simulator", localDir);
  local = bundle(localDir);
}, 300_000);

afterAll(() => {
  rmSync(ENV_FILE, { force: true });
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("npm run deploy:check", () => {
  it("builds the functions bundle and the production LIFF app that firebase.json deploys", () => {
    expect(checked.stdout).toContain(`Ready to deploy to ${PROJECT}`);
    for (const artifact of ["functions/lib/index.js", "liff/dist-production/index.html"]) {
      expect(checked.stdout).toContain(`✓ ${artifact}`);
    }
    const hosting = JSON.parse(readFileSync(join(REPO_ROOT, "firebase.json"), "utf8")).hosting;
    expect(hosting.public).toBe("liff/dist-production");
  });

  it("gives the LIFF app its production config, with the LIFF id from LIFF_BASE_URL", () => {
    expect(JSON.parse(production.get("liff-config.json") ?? "null")).toEqual({
      mock: false,
      liffId: LIFF_ID,
    });
    expect(local.has("liff-config.json")).toBe(false);
  });

  it("ships no simulator code, which the local build does hold", () => {
    expect(found(local)).toEqual(SIMULATOR_MARKERS);
    expect(found(production)).toEqual([]);
    expect([...production.keys()].join(" ")).not.toMatch(/liff-mock|who-am-i/);
    expect([...local.keys()].join(" ")).toMatch(/who-am-i/);
  });

  it("stops before building when a param is missing or the region disagrees with Hosting", async () => {
    const missing = await deployCheck(PARAMS.slice(1));
    expect(missing).toHaveProperty("stderr", expect.stringContaining("FUNCTIONS_REGION"));
    const elsewhere = await deployCheck(["FUNCTIONS_REGION=asia-southeast3", ...PARAMS.slice(1)]);
    expect(elsewhere).toHaveProperty("stderr", expect.stringContaining("asia-southeast3"));
    expect(elsewhere).not.toHaveProperty("stdout", expect.stringContaining("Ready"));
  });

  it("refuses a production LIFF build without a LIFF id, naming the parameter", async () => {
    const failed = await viteBuild("production", tempDir()).catch(
      (error: { stderr: string }) => error,
    );
    expect(failed).toHaveProperty("stderr", expect.stringContaining("LIFF_ID"));
  });
});
