import { assessEligibility, possibleAges, type AssessOptions } from "./assess";
import type { BenefitId } from "./ids";
import { ruleInForce, welfareRules } from "./rules";
import {
  memberProfile,
  referralAgencyOf,
  type FoundBenefit,
  type VisitHousehold,
} from "./visit-members";

/**
 * The benefits each member appears to meet and does not report receiving, in member order and
 * the engine's benefit order. Pure: the same visit, date and rules give the same list.
 */
export function unclaimedBenefits(
  household: VisitHousehold,
  options: AssessOptions,
): FoundBenefit[] {
  const applyAtKey = (benefit: BenefitId) =>
    ruleInForce(options.rules ?? welfareRules, benefit, options.asOf)?.applyAt ?? "";
  return household.members.flatMap((member, index) => {
    const profile = memberProfile(member, household);
    const received = new Set(member.receives ?? []);
    const ages = possibleAges(profile, options.asOf);
    return assessEligibility(profile, options)
      .results.filter(r => r.status === "eligible" && !received.has(r.benefit))
      .map(result => ({
        member: index,
        ...(ages.length === 1 && { age: ages[0] }),
        result,
        agency: referralAgencyOf(applyAtKey(result.benefit)),
      }));
  });
}
