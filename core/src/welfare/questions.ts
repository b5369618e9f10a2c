import { bangkokDate } from "../dates";
import { decideBenefits } from "./assess";
import { CHILD_FIELDS, PROFILE_FIELDS, childFieldOf, type BenefitId } from "./ids";
import type { EligibilityProfile } from "./profile-schema";
import type { WelfareRuleSet } from "./rules";

export interface QuestionsNeeded {
  /** Every field still needed, the one that settles most benefits first: ask `fields[0]` next. */
  fields: string[];
  /** Per benefit, what it still needs (empty once it is decided). */
  benefits: { benefit: BenefitId; missing: string[] }[];
}

export interface QuestionsOptions {
  /** Defaults to the profile's asOf, then today in Bangkok. */
  asOf?: string;
  rules?: WelfareRuleSet;
}

function fieldOrder(field: string): number {
  const child = childFieldOf(field);
  // A child's own facts come right after the children themselves, child by child.
  if (child) {
    const within = (CHILD_FIELDS.indexOf(child.fact) + 1) / (CHILD_FIELDS.length + 1);
    return PROFILE_FIELDS.indexOf("children") + (child.index + within) / 100;
  }
  const index = PROFILE_FIELDS.indexOf(field as (typeof PROFILE_FIELDS)[number]);
  // A field no question asks (answered only through the API) comes after those that are asked.
  return index === -1 ? PROFILE_FIELDS.length : index;
}

/**
 * The fields still missing to decide each benefit, given what is known. Answers that settle a
 * benefit (a failed criterion, an empty list of children) remove its other questions, so asking
 * `fields[0]` and calling again gives a short conversation.
 */
export function questionsNeeded(
  profile: EligibilityProfile,
  benefitsOfInterest?: readonly BenefitId[],
  options: QuestionsOptions = {},
): QuestionsNeeded {
  const asOf = options.asOf ?? profile.asOf ?? bangkokDate(new Date());
  const decided = decideBenefits(profile, {
    asOf,
    ...(benefitsOfInterest ? { benefits: benefitsOfInterest } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  const benefits = decided.map(({ benefit, decision }) => ({ benefit, missing: decision.missing }));

  const count = new Map<string, number>();
  for (const { missing } of benefits) {
    for (const field of missing) count.set(field, (count.get(field) ?? 0) + 1);
  }
  const fields = [...count.keys()].sort(
    (a, b) => count.get(b)! - count.get(a)! || fieldOrder(a) - fieldOrder(b),
  );
  return { fields, benefits };
}
