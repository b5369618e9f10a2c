import { combineChecks, pass, thaiNationality } from "../checks";
import { message } from "../messages";
import type { Evaluator } from "./decision";

/** The hardships and the means test are data criteria; this pays the one-off amount. */
export const evaluateFamilyHardshipAid: Evaluator<"family_hardship_aid"> = (
  rule,
  profile,
  _asOf,
  criteria,
) => {
  const result = combineChecks([
    rule.thaiOnly ? thaiNationality(profile.nationality) : pass(),
    ...criteria,
  ]);
  if (result.status !== "eligible") return { ...result, notes: [] };
  return {
    ...result,
    oneOffAmount: rule.maxAmountPerTime,
    reasons: [
      ...result.reasons,
      rule.maxTimes === undefined
        ? message("familyHardship.reason.amount", { amount: rule.maxAmountPerTime })
        : message("familyHardship.reason.amountTimes", {
            amount: rule.maxAmountPerTime,
            times: rule.maxTimes,
          }),
    ],
    notes: [],
  };
};
