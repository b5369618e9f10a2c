import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { migrate } from "../../functions/src/migrations/migrate";
import { CHIANG_MAI_SI_PHUM } from "../support/accounts";
import { ownProjectFirestore, ownProjectId } from "../support/own-project";

/**
 * `npm run migrate` as an operator runs it, against a project of its own on the emulator. A
 * started command takes seconds on a loaded machine: the tests allow it (a guard, not a
 * speed check).
 */
const firestore = ownProjectFirestore("migrate");
/** Where cases were kept before the collection was named `cases`. */
const LEGACY_COLLECTION = "reports";
const ROOT = join(import.meta.dirname, "../..");

async function runMigrate(args: string[], env: Record<string, string | undefined>) {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, "node_modules/tsx/dist/cli.mjs"),
        "functions/src/migrations/cli.ts",
        ...args,
        ...(args.includes("--project") ? [] : ["--emulator-project", ownProjectId("migrate")]),
      ],
      { cwd: ROOT, env: { ...process.env, ...env } },
    );
    const result = /^RESULT (.*)$/m.exec(stdout)?.[1];
    return { code: 0, stdout, result: result ? JSON.parse(result) : undefined };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stdout: failed.stderr, result: undefined };
  }
}

describe("the production migration", () => {
  it(
    "should move cases from the old collection name, give staff the scope of their old area, list the unreadable ones, backfill reports, and change nothing the second time",
    { timeout: 120_000 },
    async () => {
      const db = firestore();
      const emulator = { FIRESTORE_EMULATOR_HOST: inject("stack").firestoreHost };
      const users = db.collection("users");
      await users.doc("Uold-cm").set({ role: "staff", area: CHIANG_MAI_SI_PHUM, name: "ก" });
      await users.doc("Uold-garbled").set({ role: "staff", area: { province: "เชียงใหม่" } });
      await users.doc("Uold-none").set({ role: "staff", area: null });
      await users.doc("Unational").set({ role: "staff", area: null, scope: { kind: "national" } });
      await users.doc("Uvolunteer").set({ role: "volunteer", area: CHIANG_MAI_SI_PHUM });
      const reports = db.collection("cases");
      await reports.doc("691101-OLD01").set({ ticket: "691101-OLD01", status: "closed" });
      await reports.doc("691101-NEW01").set({ ticket: "691101-NEW01", photosRemovedAt: null });
      const removedAt = "2026-11-01T00:00:00.000Z";
      // A case stored under the collection's old name, with its timeline.
      const legacy = db.collection(LEGACY_COLLECTION).doc("691001-LEG01");
      await legacy.set({ ticket: "691001-LEG01", status: "resolved" });
      await legacy.collection("timeline").doc("e1").set({ kind: "created" });
      await reports.doc("691101-GONE1").set({ ticket: "691101-GONE1", photosRemovedAt: removedAt });

      const dry = await runMigrate(["--dry-run"], emulator);
      expect(dry.code).toBe(0);
      expect(dry.result).toEqual({
        apply: false,
        casesMoved: 1,
        scopes: [{ userId: "Uold-cm", provinceCode: "50" }],
        needAdmin: ["Uold-garbled", "Uold-none"],
        photosRemovedAtBackfilled: 1,
      });
      expect(dry.stdout).toContain("NEEDS AN ADMIN: staff Uold-garbled");
      expect((await users.doc("Uold-cm").get()).get("scope")).toBeUndefined();
      expect((await reports.doc("691101-OLD01").get()).get("photosRemovedAt")).toBeUndefined();

      // Applied in-process (the same function the command runs), to keep the test short.
      const applied = await migrate(db, { apply: true });
      // Moved first, so the moved case is backfilled too.
      expect(applied).toEqual({ ...dry.result, apply: true, photosRemovedAtBackfilled: 2 });
      expect((await legacy.get()).exists).toBe(false);
      expect((await legacy.collection("timeline").get()).empty).toBe(true);
      const moved = reports.doc("691001-LEG01");
      expect((await moved.get()).data()).toEqual({
        ticket: "691001-LEG01",
        status: "resolved",
        photosRemovedAt: null,
      });
      expect((await moved.collection("timeline").doc("e1").get()).data()).toEqual({
        kind: "created",
      });
      expect((await users.doc("Uold-cm").get()).get("scope")).toEqual({
        kind: "province",
        provinceCode: "50",
      });
      expect((await users.doc("Uold-garbled").get()).get("scope")).toBeUndefined();
      expect((await users.doc("Unational").get()).get("scope")).toEqual({ kind: "national" });
      expect((await users.doc("Uvolunteer").get()).get("scope")).toBeUndefined();
      expect((await reports.doc("691101-OLD01").get()).get("photosRemovedAt")).toBeNull();
      expect((await reports.doc("691101-GONE1").get()).get("photosRemovedAt")).toBe(removedAt);
      const audit = await db.collection("audit").where("action", "==", "migrate_scope").get();
      expect(audit.docs.map(d => d.get("target"))).toEqual(["users/Uold-cm"]);

      const again = await migrate(db, { apply: true });
      expect(again).toEqual({
        apply: true,
        casesMoved: 0,
        scopes: [],
        needAdmin: ["Uold-garbled", "Uold-none"],
        photosRemovedAtBackfilled: 0,
      });
    },
  );

  it(
    "should refuse to run without the emulator unless a real project is named, and never both",
    { timeout: 120_000 },
    async () => {
      const neither = await runMigrate(["--dry-run"], { FIRESTORE_EMULATOR_HOST: "" });
      expect(neither.code).toBe(1);
      expect(neither.stdout).toContain("FIRESTORE_EMULATOR_HOST is not set");
      const both = await runMigrate(["--dry-run", "--project", "sa-prod"], {
        FIRESTORE_EMULATOR_HOST: inject("stack").firestoreHost,
      });
      expect(both.code).toBe(1);
      expect(both.stdout).toContain("names a real project");
    },
  );
});
