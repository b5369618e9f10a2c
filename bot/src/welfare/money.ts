import { ruleInForce, welfareRules, type Criterion, type WelfareRuleSet } from "@sa/core";

/**
 * The ceilings the money buttons ask about ("ไม่เกิน / เกิน 100,000 บาท"), read from the welfare
 * card rule in force, whose means test is the one most people meet. The child support grant's
 * income ceiling is the same today; a button answer stores the ceiling itself (or one baht over),
 * which the engine only compares with the ceilings, and the result texts do not repeat it.
 */
export function moneyCeilings(
  asOf: string,
  rules: WelfareRuleSet = welfareRules,
): { income: number; assets: number } {
  const criteria = ruleInForce(rules, "state_welfare_card", asOf)?.criteria ?? [];
  return {
    income: ceilingOf(criteria, "annualIncomePerPerson") ?? 100_000,
    assets: ceilingOf(criteria, "financialAssets") ?? 100_000,
  };
}

/** The "at most" limit a version's criteria set on a field, if any. */
function ceilingOf(criteria: readonly Criterion[], field: string): number | undefined {
  const found = criteria.find(c => c.field === field && c.test === "atMost");
  return found && typeof found.value === "number" ? found.value : undefined;
}

/** About how much a month a yearly amount is, rounded to the hundred as people say it. */
export function roughlyMonthly(yearly: number): number {
  return Math.round(yearly / 12 / 100) * 100;
}
