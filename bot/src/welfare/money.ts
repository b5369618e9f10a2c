import { ruleInForce, welfareRules } from "@sa/core";

/**
 * The ceilings the money buttons ask about ("ไม่เกิน / เกิน 100,000 บาท"), read from the welfare
 * card rule in force, whose means test is the one most people meet. The child support grant's
 * income ceiling is the same today; a button answer stores the ceiling itself (or one baht over),
 * which the engine only compares with the ceilings, and the result texts do not repeat it.
 */
export function moneyCeilings(asOf: string): { income: number; assets: number } {
  const card = ruleInForce(welfareRules, "state_welfare_card", asOf);
  return {
    income: card?.maxAnnualIncomePerPerson ?? 100_000,
    assets: card?.maxFinancialAssets ?? 100_000,
  };
}

/** About how much a month a yearly amount is, rounded to the hundred as people say it. */
export function roughlyMonthly(yearly: number): number {
  return Math.round(yearly / 12 / 100) * 100;
}
