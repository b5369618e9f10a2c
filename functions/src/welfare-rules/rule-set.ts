import { welfareRules, withPublished, type WelfareRuleSet } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { listPublishedRules } from "../repositories/welfare-rules";

/**
 * The rules every check uses: the bundled versions (the seed and the fallback) with the
 * published ones over them, read afresh for each check so a publish needs no restart. If
 * Firestore cannot be read, the bundled versions still answer.
 */
export async function rulesInUse(db: Firestore): Promise<WelfareRuleSet> {
  try {
    return withPublished(welfareRules, await listPublishedRules(db));
  } catch (error) {
    console.warn("published welfare rules unreadable, using the bundled ones", String(error));
    return welfareRules;
  }
}
