import type { BenefitId } from "./ids";
import { isIsoDate } from "./iso-date";
import type { EligibilityProfile } from "./profile-schema";
import type { EligibilityResult } from "./response-schema";
import type { REFERRAL_AGENCIES } from "../api/entries";

type ReferralAgency = (typeof REFERRAL_AGENCIES)[number];

// Free of the engine (and of zod): the LIFF app maps members here and asks the server's
// eligibility API, whose rules are the published ones, without bundling the engine.

/** A household member as a visit or a household record gives them: any of the age forms. */
export interface VisitMember {
  /** Full years, as the volunteer typed it. */
  age?: number;
  /** YYYY-MM-DD; a year above 2400 is read as Buddhist era, as Thai records write it. */
  birthDate?: string;
  birthYearBE?: number;
  disability?: boolean;
  nationalId?: string;
  /** Benefits the member says they already get: never suggested again. */
  receives?: readonly BenefitId[];
}

export interface VisitHousehold {
  members: readonly VisitMember[];
  /** Household income a month, baht. */
  monthlyIncome?: number;
}

export interface FoundBenefit {
  /** Position in the visit's member list, from 0. */
  member: number;
  /** The age the engine worked with, when the member's record gave one. */
  age?: number;
  result: EligibilityResult;
  /** Who a "take them to apply" referral names: the office the rule says to apply at. */
  agency: ReferralAgency;
}

const AGENCY_OF_APPLY_AT: Record<string, ReferralAgency> = {
  "applyAt.localAuthority": "local_authority",
  "applyAt.provincialOffice": "provincial_office",
};

/** The office a rule's apply-at key names, as a referral agency. */
export const referralAgencyOf = (applyAtKey: string): ReferralAgency =>
  AGENCY_OF_APPLY_AT[applyAtKey] ?? "other";

/**
 * Where each benefit is applied for, for a client that has the API's translated answer but not
 * the rule (the LIFF app). A unit test checks it against the rules in force, so it cannot drift.
 */
export const REFERRAL_AGENCY_OF_BENEFIT: Record<BenefitId, ReferralAgency> = {
  old_age_allowance: "local_authority",
  disability_allowance: "local_authority",
  child_support_grant: "local_authority",
  state_welfare_card: "other",
  family_hardship_aid: "provincial_office",
  hiv_allowance: "local_authority",
};

const BUDDHIST_ERA_FROM = 2400;

function ageFields(
  member: VisitMember,
): Pick<EligibilityProfile, "age" | "birthDate" | "birthYearBE"> {
  if (member.age !== undefined && Number.isInteger(member.age) && member.age >= 0) {
    return { age: member.age };
  }
  if (member.birthDate !== undefined) {
    const year = Number(member.birthDate.slice(0, 4));
    const iso =
      year > BUDDHIST_ERA_FROM
        ? `${String(year - 543).padStart(4, "0")}${member.birthDate.slice(4)}`
        : member.birthDate;
    if (isIsoDate(iso)) return { birthDate: iso };
  }
  if (member.birthYearBE !== undefined) return { birthYearBE: member.birthYearBE };
  return {};
}

/**
 * Thai citizens' ID numbers start with 1–5 or 8; 6, 7 and 0 are given to residents without Thai
 * nationality. With no ID we presume Thai: the family record book is kept for Thai households,
 * and the documents listed ask for the ID card anyway.
 */
function nationality(nationalId: string | undefined): string | undefined {
  if (!nationalId) return "TH";
  return /^[1-58]/.test(nationalId) ? "TH" : undefined;
}

/**
 * What a home visit says about one member, as an eligibility profile. A visit finds people at
 * home, so nobody lives in a state care home; a pension is not asked on a visit and is presumed
 * absent (the office checks it when they apply). A disability noted on the visit is taken to
 * mean the card, which the allowance's documents then list. Income is the household's, a year,
 * per person.
 */
export function memberProfile(member: VisitMember, household: VisitHousehold): EligibilityProfile {
  const people = Math.max(household.members.length, 1);
  const income = household.monthlyIncome;
  const thai = nationality(member.nationalId);
  return {
    ...ageFields(member),
    ...(thai && { nationality: thai }),
    ...(member.disability !== undefined && { hasDisabilityCard: member.disability }),
    receivesGovernmentPension: false,
    livesInStateCareHome: false,
    ...(income !== undefined &&
      Number.isFinite(income) &&
      income >= 0 && { annualIncomePerPerson: Math.round((income * 12) / people) }),
  };
}
