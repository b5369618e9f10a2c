import { welfareRules, withPublished, type WelfareRuleSet } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { listPublishedRules } from "../repositories/welfare-rules";

/** The rules this instance read last, and when: an interview's later answers may reuse them. */
let lastRead: { at: number; rules: WelfareRuleSet } | undefined;

/**
 * The rules every check uses: the bundled versions (the seed and the fallback) with the
 * published ones over them, read afresh so a publish needs no restart. If Firestore cannot be
 * read, the bundled versions still answer.
 *
 * `reuseForMs`: the rules this instance read within that long are good enough. The chat's
 * welfare interview reads them afresh at its first answer and reuses them for the rest (one
 * query per interview instead of one per answer), so a version approved in the middle of
 * someone's interview applies from their next one.
 */
export async function rulesInUse(
  db: Firestore,
  { reuseForMs = 0, now = Date.now() }: { reuseForMs?: number; now?: number } = {},
): Promise<WelfareRuleSet> {
  if (lastRead && now - lastRead.at <= reuseForMs) return lastRead.rules;
  try {
    const rules = withPublished(welfareRules, await listPublishedRules(db));
    lastRead = { at: now, rules };
    return rules;
  } catch (error) {
    console.warn("published welfare rules unreadable, using the bundled ones", String(error));
    return welfareRules;
  }
}
