import { welfareRules, type WelfareRule } from "@sa/core";
import { describe, expect, it } from "vitest";
import { rulesInUse } from "../../functions/src/welfare-rules/rule-set";
import { ownProjectFirestore } from "../support/own-project";

/**
 * The chat's welfare interview reads the published rules afresh at its first answer and reuses
 * them for the rest of it, within a minute (functions/src/webhook/handle-event.ts): a version
 * approved meanwhile is in force from the next interview, and never an hour late.
 */
const firestore = ownProjectFirestore("welfare-rules-reuse");

/** A version as a second admin's approval leaves it: the old-age allowance from 2031. */
async function publishVersion(): Promise<string> {
  const { versionId: _bundledHasNone, ...bundled } = welfareRules.find(
    rule => rule.benefit === "old_age_allowance",
  ) as WelfareRule;
  const at = new Date().toISOString();
  const ref = await firestore()
    .collection("welfareRules")
    .add({
      benefit: bundled.benefit,
      effective: "2031-01-01",
      status: "published",
      rule: JSON.parse(JSON.stringify({ ...bundled, effective: "2031-01-01" })),
      draftedBy: "Uadmin1",
      draftedAt: at,
      updatedAt: at,
      approvedBy: "Uadmin2",
      approvedAt: at,
    });
  return ref.id;
}

const versionIds = (rules: readonly WelfareRule[]) => rules.flatMap(rule => rule.versionId ?? []);

describe("the published welfare rules an interview uses", () => {
  it("are read afresh at its first answer and reused within a minute, then read again", async () => {
    const db = firestore();
    const start = Date.now();
    expect(versionIds(await rulesInUse(db, { now: start }))).toEqual([]);

    const approved = await publishVersion();
    // A later answer of the same interview, half a minute on: the rules it started with.
    expect(versionIds(await rulesInUse(db, { reuseForMs: 60_000, now: start + 30_000 }))).toEqual(
      [],
    );
    // More than a minute on, or an interview's first answer: the version just approved.
    expect(versionIds(await rulesInUse(db, { reuseForMs: 60_000, now: start + 61_000 }))).toEqual([
      approved,
    ]);
    await firestore().collection("welfareRules").doc(approved).delete();
    expect(versionIds(await rulesInUse(db, { now: start + 62_000 }))).toEqual([]);
  });
});
