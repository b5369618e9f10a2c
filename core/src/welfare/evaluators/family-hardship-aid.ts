import { combineChecks, fail, pass, thaiNationality, unknown, yesNo, type Check } from "../checks";
import type { Hardship } from "../ids";
import { message } from "../messages";
import type { Evaluator } from "./decision";

export const evaluateFamilyHardshipAid: Evaluator<"family_hardship_aid"> = (rule, profile) => {
  let hardshipCheck: Check;
  if (profile.hardships === undefined) hardshipCheck = unknown("hardships");
  else {
    const qualifying = new Set<Hardship>(rule.qualifyingHardships);
    const listed = profile.hardships.filter(hardship => qualifying.has(hardship));
    hardshipCheck =
      listed.length > 0
        ? pass(
            message("familyHardship.reason.hardships", {
              hardships: { list: listed.map(hardship => message(`hardship.${hardship}`)) },
            }),
          )
        : fail(message("familyHardship.reason.noHardship"));
  }
  const result = combineChecks([
    rule.thaiOnly ? thaiNationality(profile.nationality) : pass(),
    hardshipCheck,
    // For low-income families and people without support: a hardship alone is not enough.
    yesNo(profile.poorOrWithoutSupport, "poorOrWithoutSupport", true, {
      fail: message("familyHardship.reason.notLowIncome"),
    }),
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
