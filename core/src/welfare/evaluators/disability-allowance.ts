import { combineChecks, pass, thaiNationality, unique } from "../checks";
import { ruleMessage, testCondition } from "../criteria";
import { fieldList, message, type Message } from "../messages";
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

/**
 * The higher amount when any of its data conditions holds (say, under 18, or a welfare card
 * holder); the lower one when none can, or while some are unanswered, saying what would raise it.
 */
function amountFor(rule: DisabilityRule, profile: EligibilityProfile): Amount {
  const base: Amount = {
    monthlyAmount: rule.monthlyAmount,
    reason: message("disability.reason.amountBase", { amount: rule.monthlyAmount }),
    missing: [],
  };
  const higher = rule.higherAmount;
  if (!higher) return base;
  const tested = higher.whenAny.map(condition => ({
    condition,
    ...testCondition(condition, profile),
  }));
  const met = tested.find(test => test.met === true);
  if (met) {
    return {
      monthlyAmount: higher.monthlyAmount,
      reason: ruleMessage(met.condition.pass, { ...met.vars, $amount: higher.monthlyAmount }),
      missing: [],
    };
  }
  const missing = unique(tested.filter(t => t.met === undefined).map(t => t.condition.field));
  if (missing.length === 0) return base;
  // Eligible either way, so pay out the lower amount and say what would raise it.
  return {
    ...base,
    reason: message("disability.reason.amountUndecided", {
      amount: rule.monthlyAmount,
      higherAmount: higher.monthlyAmount,
      fields: fieldList(missing),
    }),
    missing,
  };
}

/** The card and the care-home exclusion are data criteria; the amounts are data conditions. */
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
