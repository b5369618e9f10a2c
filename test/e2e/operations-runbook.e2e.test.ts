import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { LOCAL_CHANNEL_ACCESS_TOKEN } from "@sa/dev";
import { operationsDoc, REPO_ROOT, run } from "../support/deploy";

/**
 * docs/OPERATIONS.md, run: every `sh local` block in order, as an operator would on the first
 * day, against the local stack (the Firestore emulator stands for the project, the LINE
 * stand-in for LINE, the stack's webhook for the deployed one). `sh cloud` blocks need an
 * account: they are only checked to parse.
 */
const stack = inject("stack");
const PROJECT = `demo-ops-${process.pid}`;
const ENV_FILE = join(REPO_ROOT, "functions", `.env.${PROJECT}`);

function blocks(kind: "local" | "cloud"): string[] {
  const fence = new RegExp(`^( *)\`\`\`sh ${kind}\\n([\\s\\S]*?)^\\1\`\`\``, "gm");
  return [...operationsDoc().matchAll(fence)].map(([, indent, body]) =>
    body!.replace(new RegExp(`^${indent}`, "gm"), ""),
  );
}

// No profile: the machine's bashrc is written for interactive shells (and fails under -u).
const BASH = ["--norc", "--noprofile", "-euo", "pipefail", "-c"];
const env = {
  ...process.env,
  PROJECT,
  REGION: "asia-southeast1",
  LIFF_ID: "2001234567-AbCdEfGh",
  LINE_LOGIN_CHANNEL_ID: "2001234567",
  LINE_CHANNEL_ID: "2000000001",
  FIRESTORE_EMULATOR_HOST: stack.firestoreHost,
  LINE_API_BASE_URL: stack.lineUrl,
  LINE_DATA_API_BASE_URL: stack.lineUrl,
  LINE_CHANNEL_ACCESS_TOKEN: LOCAL_CHANNEL_ACCESS_TOKEN,
  WEBHOOK_URL: stack.webhookUrl,
  API_URL: stack.apiUrl,
};

afterAll(() => {
  rmSync(ENV_FILE, { force: true });
});

describe("docs/OPERATIONS.md", { timeout: 600_000 }, () => {
  it(
    "runs every command that needs no cloud account, and they do what it says",
    { timeout: 600_000 },
    async () => {
      const local = blocks("local");
      expect(local.length).toBeGreaterThanOrEqual(4);
      const outputs: string[] = [];
      for (const block of local) {
        const { stdout } = await run("bash", BASH.concat(block), {
          cwd: REPO_ROOT,
          env,
        });
        outputs.push(stdout);
      }
      expect(readFileSync(ENV_FILE, "utf8")).toContain(
        "LIFF_BASE_URL=https://liff.line.me/2001234567-AbCdEfGh",
      );
      expect(outputs.join("\n")).toContain(`Ready to deploy to ${PROJECT}`);
      expect(outputs.join("\n")).toContain("test call succeeded");
      expect(outputs.join("\n")).toContain('"ok":true,"firestore":"reachable"');

      process.env.FIRESTORE_EMULATOR_HOST = stack.firestoreHost;
      const app = initializeApp({ projectId: PROJECT }, "runbook");
      try {
        const routing = await getFirestore(app).collection("routing").get();
        expect(routing.size).toBeGreaterThan(0);
      } finally {
        await deleteApp(app);
      }
    },
  );

  it("has cloud commands that at least parse", async () => {
    const cloud = blocks("cloud");
    expect(cloud.length).toBeGreaterThan(0);
    for (const block of cloud) await run("bash", ["-n", "-c", block]);
  });

  it("points at alerting config that parses and counts what the functions log", () => {
    const dir = join(REPO_ROOT, "ops", "monitoring");
    const files = readdirSync(dir).filter(name => name.endsWith(".json"));
    for (const name of files)
      expect(() => JSON.parse(readFileSync(join(dir, name), "utf8"))).not.toThrow();
    for (const name of files) expect(operationsDoc()).toContain(`ops/monitoring/${name}`);
    expect(existsSync(join(REPO_ROOT, "functions/src/cases/route-stranded.ts"))).toBe(true);
    expect(
      readFileSync(join(REPO_ROOT, "functions/src/cases/route-stranded.ts"), "utf8"),
    ).toContain(
      JSON.parse(readFileSync(join(dir, "stranded-reports-metric.json"), "utf8")).filter.match(
        /jsonPayload\.message="([^"]+)"/,
      )[1],
    );
  });
});
