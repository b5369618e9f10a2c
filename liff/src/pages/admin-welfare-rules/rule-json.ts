import type { RuleJson } from "../../api/welfare-rule-endpoints";

/** "100,000" → 100000; anything else stays as typed, so the server names the problem. */
export function parseNumber(value: string): number | string {
  const plain = value.replace(/[,\s]/g, "");
  return plain !== "" && Number.isFinite(Number(plain)) ? Number(plain) : value;
}

export const listOf = (rule: RuleJson, key: string): Record<string, unknown>[] =>
  Array.isArray(rule[key]) ? (rule[key] as Record<string, unknown>[]) : [];

/** The numbers of a version other than its criteria: amounts, ages, counts. */
export const AMOUNT_KEYS = [
  "monthlyAmount",
  "monthlyAmountPerChild",
  "maxAmountPerTime",
  "maxTimes",
  "untilAge",
  "registerAheadYears",
] as const;

/** A new draft from the version in force: a new date to choose, the same data otherwise. */
export function draftFrom(current: RuleJson): RuleJson {
  return { ...current, effective: "" };
}
