import { combineChecks, fail, pass, thaiNationality, unknown, type Check } from "../checks";
import { message, type Message } from "../messages";
import type { RuleOf } from "../rule-schema";
import type { Evaluator } from "./decision";

type OldAgeRule = RuleOf<"old_age_allowance">;

function bandFor(rule: OldAgeRule, age: number) {
  const index = rule.ageBands.findLastIndex(band => age >= band.fromAge);
  if (index < 0) return undefined;
  const next = rule.ageBands[index + 1];
  return { ...rule.ageBands[index]!, toAge: next ? next.fromAge - 1 : undefined };
}

/** The age bands are the amount; pension, care home and any new test are data criteria. */
export const evaluateOldAgeAllowance: Evaluator<"old_age_allowance"> = (
  rule,
  profile,
  _asOf,
  criteria,
) => {
  const minAge = rule.ageBands[0]!.fromAge;
  const { age } = profile;
  const band = age === undefined ? undefined : bandFor(rule, age);

  let ageCheck: Check;
  if (age === undefined) ageCheck = unknown("age");
  else if (!band) ageCheck = fail(message("oldAge.reason.underAge", { age, minAge }));
  else if (band.toAge === undefined) {
    ageCheck = pass(
      message("oldAge.reason.ageBandTop", { age, from: band.fromAge, amount: band.monthlyAmount }),
    );
  } else {
    ageCheck = pass(
      message("oldAge.reason.ageBand", {
        age,
        from: band.fromAge,
        to: band.toAge,
        amount: band.monthlyAmount,
      }),
    );
  }

  const result = combineChecks([
    rule.thaiOnly ? thaiNationality(profile.nationality) : pass(),
    ageCheck,
    ...criteria,
  ]);

  const notes: Message[] = [];
  if (age !== undefined && age < minAge && age >= minAge - rule.registerAheadYears) {
    notes.push(message("oldAge.note.registerAhead", { minAge }));
  }
  return {
    ...result,
    ...(result.status === "eligible" && band ? { monthlyAmount: band.monthlyAmount } : {}),
    notes,
  };
};
