import { combineChecks, pass, thaiNationality, yesNo } from "../checks";
import { message } from "../messages";
import type { Evaluator } from "./decision";

export const evaluateHivAllowance: Evaluator<"hiv_allowance"> = (rule, profile) => {
  const result = combineChecks([
    rule.thaiOnly ? thaiNationality(profile.nationality) : pass(),
    yesNo(profile.hivCertified, "hivCertified", true, {
      pass: message("hiv.reason.certified", { amount: rule.monthlyAmount }),
      fail: message("hiv.reason.notCertified"),
    }),
    // The allowance is for people who are poor or without support, not for everyone certified.
    yesNo(profile.poorOrWithoutSupport, "poorOrWithoutSupport", true, {
      pass: message("hiv.reason.poorOrWithoutSupport"),
      fail: message("hiv.reason.notPoor"),
    }),
  ]);
  return {
    ...result,
    ...(result.status === "eligible" ? { monthlyAmount: rule.monthlyAmount } : {}),
    notes: [],
  };
};
