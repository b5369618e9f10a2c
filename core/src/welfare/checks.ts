import type { EligibilityStatus } from "./ids";
import { fieldList, message, type Message } from "./messages";

/** One criterion on what is known so far. A passing check may explain itself with a reason. */
export type Check =
  | { outcome: "pass"; reason?: Message }
  | { outcome: "fail"; reason: Message }
  | { outcome: "unknown"; missing: readonly string[] };

export const pass = (reason?: Message): Check =>
  reason ? { outcome: "pass", reason } : { outcome: "pass" };
export const fail = (reason: Message): Check => ({ outcome: "fail", reason });
export const unknown = (...missing: string[]): Check => ({ outcome: "unknown", missing });

export interface Combined {
  status: EligibilityStatus;
  reasons: Message[];
  missing: string[];
}

/**
 * A failed criterion decides on its own, so nothing more is asked once one fails; otherwise any
 * unknown leaves the answer open and names what is still needed.
 */
export function combineChecks(
  checks: readonly Check[],
  needInfoKey = "common.reason.needInfo",
): Combined {
  const failed = checks.flatMap(check => (check.outcome === "fail" ? [check.reason] : []));
  if (failed.length > 0) return { status: "not_eligible", reasons: failed, missing: [] };
  const passed = checks.flatMap(check =>
    check.outcome === "pass" && check.reason ? [check.reason] : [],
  );
  const missing = unique(
    checks.flatMap(check => (check.outcome === "unknown" ? check.missing : [])),
  );
  if (missing.length > 0) {
    return {
      status: "unknown",
      reasons: [...passed, message(needInfoKey, { fields: fieldList(missing) })],
      missing,
    };
  }
  return { status: "eligible", reasons: passed, missing: [] };
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Thai nationality, for benefits whose rule says so. */
export function thaiNationality(nationality: string | undefined, field = "nationality"): Check {
  if (nationality === undefined) return unknown(field);
  return nationality.toUpperCase() === "TH" ? pass() : fail(message("common.reason.thaiOnly"));
}

/** A yes/no fact that must be `required` to qualify. */
export function yesNo(
  value: boolean | undefined,
  field: string,
  required: boolean,
  reasons: { pass?: Message; fail: Message },
): Check {
  if (value === undefined) return unknown(field);
  return value === required ? pass(reasons.pass) : fail(reasons.fail);
}

/** An amount that must not exceed a ceiling (exactly the ceiling still qualifies). */
export function atMost(
  value: number | undefined,
  field: string,
  ceiling: number,
  keys: { pass: string; fail: string },
): Check {
  if (value === undefined) return unknown(field);
  const vars = { amount: value, ceiling };
  return value <= ceiling ? pass(message(keys.pass, vars)) : fail(message(keys.fail, vars));
}
