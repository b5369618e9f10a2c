import * as z from "zod/mini";
import "../zod-english";
import oldAgeAllowance from "../../rules/welfare/old-age-allowance.json";
import disabilityAllowance from "../../rules/welfare/disability-allowance.json";
import childSupportGrant from "../../rules/welfare/child-support-grant.json";
import stateWelfareCard from "../../rules/welfare/state-welfare-card.json";
import familyHardshipAid from "../../rules/welfare/family-hardship-aid.json";
import hivAllowance from "../../rules/welfare/hiv-allowance.json";
import type { BenefitId } from "./ids";
import { welfareRuleFileSchema, type RuleOf, type WelfareRule } from "./rule-schema";

export type WelfareRuleSet = readonly WelfareRule[];

/**
 * Validates rules files (file name → parsed JSON) and merges them into one set. Throws with every
 * problem listed, so a bad edit fails at startup and in tests rather than giving wrong answers.
 */
export function parseWelfareRules(files: Readonly<Record<string, unknown>>): WelfareRule[] {
  const rules: WelfareRule[] = [];
  const problems: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    const parsed = welfareRuleFileSchema.safeParse(data);
    if (parsed.success) rules.push(...parsed.data);
    else problems.push(`${name}:\n${z.prettifyError(parsed.error)}`);
  }
  const seen = new Set<string>();
  for (const rule of rules) {
    const id = `${rule.benefit} ${rule.effective}`;
    if (seen.has(id))
      problems.push(`Two versions of ${rule.benefit} take effect on ${rule.effective}`);
    seen.add(id);
  }
  if (problems.length > 0) throw new Error(`Invalid welfare rules:\n${problems.join("\n")}`);
  return rules;
}

/** The id an answer names its version by: the published id, else benefit@effective. */
export function ruleVersionId(rule: WelfareRule): string {
  return rule.versionId ?? `${rule.benefit}@${rule.effective}`;
}

/** The version in force on `asOf`: the latest one that took effect on or before that day. */
export function ruleInForce<B extends BenefitId>(
  rules: WelfareRuleSet,
  benefit: B,
  asOf: string,
): RuleOf<B> | undefined {
  let found: RuleOf<B> | undefined;
  for (const rule of rules) {
    if (rule.benefit !== benefit || rule.effective > asOf) continue;
    if (!found || rule.effective > found.effective) found = rule as RuleOf<B>;
  }
  return found;
}

/**
 * The bundled versions with the published ones laid over them: a published version with the
 * same benefit and effective date replaces the bundled one (a correction), others add to it.
 */
export function withPublished(
  bundled: WelfareRuleSet,
  published: readonly WelfareRule[],
): WelfareRuleSet {
  const key = (rule: WelfareRule) => `${rule.benefit} ${rule.effective}`;
  const replaced = new Set(published.map(key));
  return [...bundled.filter(rule => !replaced.has(key(rule))), ...published];
}

/** The rules shipped in core/rules/welfare, checked when this module loads. */
export const welfareRules: WelfareRuleSet = parseWelfareRules({
  "old-age-allowance.json": oldAgeAllowance,
  "disability-allowance.json": disabilityAllowance,
  "child-support-grant.json": childSupportGrant,
  "state-welfare-card.json": stateWelfareCard,
  "family-hardship-aid.json": familyHardshipAid,
  "hiv-allowance.json": hivAllowance,
});
