import { combineChecks, fail, pass, thaiNationality, unique, unknown, type Check } from "../checks";
import { childCareHomeField, childNationalityField } from "../ids";
import { birthdayAt } from "../iso-date";
import { message, type Message } from "../messages";
import type { ChildProfile } from "../profile-schema";
import type { RuleOf } from "../rule-schema";
import type { Decision, Evaluator } from "./decision";

type ChildSupportRule = RuleOf<"child_support_grant">;

/** One line per child, so a parent sees which child counts and why. */
function assessChild(
  rule: ChildSupportRule,
  child: ChildProfile,
  index: number,
  family: readonly Check[],
  asOf: string,
): Decision {
  const stopsOn = birthdayAt(child.birthDate, rule.untilAge);
  const nationality = rule.thaiOnly
    ? thaiNationality(child.nationality, childNationalityField(index))
    : pass();
  const checks: Check[] = [
    child.birthDate > asOf ? fail(message("childSupport.detail.notBornYet")) : pass(),
    nationality.outcome === "fail" ? fail(message("childSupport.detail.notThai")) : nationality,
    child.birthDate < rule.bornOnOrAfter
      ? fail(message("childSupport.detail.bornBefore", { cutoff: { date: rule.bornOnOrAfter } }))
      : pass(),
    asOf >= stopsOn
      ? fail(
          message("childSupport.detail.tooOld", { untilAge: rule.untilAge, on: { date: stopsOn } }),
        )
      : pass(),
    // Not assumed either way: a child in a state or private care home is not eligible.
    child.livesInCareHome === undefined
      ? unknown(childCareHomeField(index))
      : child.livesInCareHome
        ? fail(message("childSupport.detail.careHome"))
        : pass(),
    ...family,
  ];
  const result = combineChecks(checks, "childSupport.detail.needInfo");
  const line = (detail: Message[]): Message =>
    message("childSupport.reason.child", {
      index: index + 1,
      birthDate: { date: child.birthDate },
      detail: { list: detail },
    });

  if (result.status === "eligible") {
    const detail = message("childSupport.detail.eligible", {
      amount: rule.monthlyAmountPerChild,
      untilAge: rule.untilAge,
      until: { date: stopsOn },
    });
    return {
      status: "eligible",
      monthlyAmount: rule.monthlyAmountPerChild,
      missing: [],
      reasons: [line([detail])],
      notes: [],
    };
  }
  return {
    status: result.status,
    missing: result.missing,
    reasons: [line(result.reasons)],
    notes: [],
  };
}

/**
 * The family's conditions (income, other child benefits) are data criteria, told on each
 * child's line; the children's own conditions (born after, under the age, Thai, not in a care
 * home, which stays unknown until answered) are this code's, driven by the version's dates and ages.
 */
export const evaluateChildSupportGrant: Evaluator<"child_support_grant"> = (
  rule,
  profile,
  asOf,
  family,
) => {
  const { children } = profile;
  if (children === undefined) return { ...combineChecks([unknown("children")]), notes: [] };
  if (children.length === 0) {
    return {
      status: "not_eligible",
      missing: [],
      reasons: [message("childSupport.reason.noChildren")],
      notes: [],
    };
  }

  const perChild = children.map((child, index) => assessChild(rule, child, index, family, asOf));
  const eligible = perChild.filter(child => child.status === "eligible");
  const status =
    eligible.length > 0
      ? "eligible"
      : perChild.some(child => child.status === "unknown")
        ? "unknown"
        : "not_eligible";
  return {
    status,
    ...(eligible.length > 0 ? { monthlyAmount: eligible.length * rule.monthlyAmountPerChild } : {}),
    // Even when one child already qualifies, answers about the others could raise the total.
    missing: unique(perChild.flatMap(child => child.missing)),
    reasons: perChild.flatMap(child => child.reasons),
    notes: [],
  };
};
