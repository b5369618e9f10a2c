import { combineChecks, pass, thaiNationality } from "../checks";
import type { Evaluator } from "./decision";

/** Certification and means are data criteria; this only pays the version's amount. */
export const evaluateHivAllowance: Evaluator<"hiv_allowance"> = (
  rule,
  profile,
  _asOf,
  criteria,
) => {
  const result = combineChecks([
    rule.thaiOnly ? thaiNationality(profile.nationality) : pass(),
    ...criteria,
  ]);
  return {
    ...result,
    ...(result.status === "eligible" ? { monthlyAmount: rule.monthlyAmount } : {}),
    notes: [],
  };
};
