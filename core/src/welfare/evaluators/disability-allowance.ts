import { combineChecks, pass, thaiNationality } from "../checks";
import { message, type Message } from "../messages";
import type { EligibilityProfile } from "../profile-schema";
import type { RuleOf } from "../rule-schema";
import type { Evaluator } from "./decision";

type DisabilityRule = RuleOf<"disability_allowance">;

interface Amount {
  monthlyAmount: number;
  reason: Message;
  /** Fields that could still raise the amount. */
  missing: string[];
}

function amountFor(rule: DisabilityRule, profile: EligibilityProfile): Amount {
  const higher = rule.higherAmount;
  if (!higher) {
    return {
      monthlyAmount: rule.monthlyAmount,
      reason: message("disability.reason.amountBase", { amount: rule.monthlyAmount }),
      missing: [],
    };
  }
  const { age, hasStateWelfareCard } = profile;
  if (age !== undefined && age < higher.underAge) {
    return {
      monthlyAmount: higher.monthlyAmount,
      reason: message("disability.reason.amountUnderAge", {
        age,
        underAge: higher.underAge,
        amount: higher.monthlyAmount,
      }),
      missing: [],
    };
  }
  if (higher.withStateWelfareCard && hasStateWelfareCard === true) {
    return {
      monthlyAmount: higher.monthlyAmount,
      reason: message("disability.reason.amountWelfareCard", { amount: higher.monthlyAmount }),
      missing: [],
    };
  }
  const missing = [
    ...(age === undefined ? ["age"] : []),
    ...(higher.withStateWelfareCard && hasStateWelfareCard === undefined
      ? ["hasStateWelfareCard"]
      : []),
  ];
  if (missing.length === 0) {
    return {
      monthlyAmount: rule.monthlyAmount,
      reason: message("disability.reason.amountBase", { amount: rule.monthlyAmount }),
      missing,
    };
  }
  // Eligible either way, so pay out the lower amount and say what would raise it.
  return {
    monthlyAmount: rule.monthlyAmount,
    reason: message(
      higher.withStateWelfareCard
        ? "disability.reason.amountUndecided"
        : "disability.reason.amountUndecidedAgeOnly",
      { amount: rule.monthlyAmount, higherAmount: higher.monthlyAmount, underAge: higher.underAge },
    ),
    missing,
  };
}

/** The card and the care-home exclusion are data criteria; this decides the amount. */
export const evaluateDisabilityAllowance: Evaluator<"disability_allowance"> = (
  rule,
  profile,
  _asOf,
  criteria,
) => {
  const result = combineChecks([
    rule.thaiOnly ? thaiNationality(profile.nationality) : pass(),
    ...criteria,
  ]);
  const notes =
    profile.hasDisabilityCard === false ? [message("disability.note.howToGetCard")] : [];
  if (result.status !== "eligible") return { ...result, notes };

  const amount = amountFor(rule, profile);
  return {
    status: "eligible",
    monthlyAmount: amount.monthlyAmount,
    reasons: [...result.reasons, amount.reason],
    missing: amount.missing,
    notes,
  };
};
