import {
  memberProfile,
  REFERRAL_AGENCY_OF_BENEFIT,
  type FoundBenefit,
  type Language,
  type VisitHousehold,
} from "@sa/core";
import type { checkEligibility } from "../../api/eligibility-endpoints";

/** The eligibility API's client, passed in by the eager wrapper (see index.tsx for why). */
export type CheckEligibility = typeof checkEligibility;

/**
 * The benefits each member appears to meet and does not receive, from the server's eligibility
 * API (the rules published there). Bundling the engine would put the parts of zod it needs on
 * the volunteer's first screen, over the app's size budget; so this needs a signal.
 */
export async function findBenefits(
  household: VisitHousehold,
  language: Language,
  check: CheckEligibility,
): Promise<FoundBenefit[]> {
  const answers = await Promise.all(
    household.members.map(member => {
      const profile = memberProfile(member, household);
      return profile.age === undefined
        ? undefined
        : check(profile, language).then(answer => ({ member, profile, answer }));
    }),
  );
  return answers.flatMap((checked, index) => {
    if (!checked) return [];
    const received = new Set(checked.member.receives ?? []);
    return checked.answer.results
      .filter(r => r.status === "eligible" && !received.has(r.benefit))
      .map(result => ({
        member: index,
        age: checked.profile.age,
        result,
        agency: REFERRAL_AGENCY_OF_BENEFIT[result.benefit],
      }));
  });
}
