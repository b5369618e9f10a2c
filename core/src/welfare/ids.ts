/** Every benefit the checker knows, in the order results are listed. */
export const BENEFIT_IDS = [
  "old_age_allowance",
  "disability_allowance",
  "child_support_grant",
  "state_welfare_card",
  "family_hardship_aid",
  "hiv_allowance",
] as const;
export type BenefitId = (typeof BENEFIT_IDS)[number];

/** Family situations the hardship aid regulation names (head of family died, left, missing...). */
export const HARDSHIPS = [
  "head_of_family_died",
  "head_of_family_absent",
  "head_of_family_imprisoned",
  "chronic_illness_or_disability",
  "homeless",
  "without_support",
] as const;
export type Hardship = (typeof HARDSHIPS)[number];

export const ELIGIBILITY_STATUSES = ["eligible", "not_eligible", "unknown"] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

/**
 * Profile fields a question can be asked about, in the order a conversation would naturally ask
 * them (ties in questionsNeeded are broken by this order). A child's own facts are reported as
 * `children[<index>].nationality` and `children[<index>].livesInCareHome`, asked per child.
 */
export const PROFILE_FIELDS = [
  "nationality",
  "age",
  "hasDisabilityCard",
  "hasStateWelfareCard",
  "receivesGovernmentPension",
  "livesInStateCareHome",
  "children",
  "receivesOtherStateChildBenefit",
  "annualIncomePerPerson",
  "financialAssets",
  "hardships",
  "poorOrWithoutSupport",
  "hivCertified",
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export function childNationalityField(index: number): string {
  return `children[${index}].nationality`;
}

/** Whether child `index` lives in a state or private care home, asked per child. */
export function childCareHomeField(index: number): string {
  return `children[${index}].livesInCareHome`;
}

/** The per-child facts a question can be asked about, in the order they are asked. */
export const CHILD_FIELDS = ["nationality", "livesInCareHome"] as const;
export type ChildField = (typeof CHILD_FIELDS)[number];

const CHILD_FIELD = /^children\[(\d+)\]\.(nationality|livesInCareHome)$/;

/** The child and the fact of a `children[i].<fact>` field, or undefined for any other field. */
export function childFieldOf(field: string): { index: number; fact: ChildField } | undefined {
  const match = CHILD_FIELD.exec(field);
  return match ? { index: Number(match[1]), fact: match[2] as ChildField } : undefined;
}

/** The child index of a `children[i].<fact>` field, or undefined for any other field. */
export function childIndexOfField(field: string): number | undefined {
  return childFieldOf(field)?.index;
}
