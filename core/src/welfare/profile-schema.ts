import * as z from "zod/mini";
import { described } from "../described";
import { HARDSHIPS } from "./ids";
import { isIsoDate } from "./iso-date";

export const MAX_CHILDREN = 20;

/** YYYY-MM-DD that is a real calendar date (no 2026-02-30). */
export const isoDateSchema = described(
  "Calendar date, YYYY-MM-DD (Gregorian)",
  z.string().check(z.refine(isIsoDate, { message: "Expected a calendar date as YYYY-MM-DD" })),
);

const nationalitySchema = z
  .string()
  .check(
    z.trim(),
    z.toUpperCase(),
    z.regex(/^[A-Z]{2}$/, { message: "Expected a two-letter country code such as TH" }),
  );
const NATIONALITY = 'ISO 3166-1 alpha-2 code; "TH" is Thai';

const childSchema = z.object({
  birthDate: described("The child's date of birth, YYYY-MM-DD", isoDateSchema),
  nationality: described(`The child's nationality, ${NATIONALITY}`, z.optional(nationalitySchema)),
  livesInCareHome: described(
    "The child lives in a state or private care home (สถานสงเคราะห์) rather than with the applicant; left out, the child grant stays unknown",
    z.optional(z.boolean()),
  ),
});

/**
 * What a citizen tells the checker. Every field is optional: a benefit whose answer depends on
 * a missing field comes back `unknown` with that field named.
 */
export const eligibilityRequestSchema = z.object({
  asOf: described(
    "Date to check on, YYYY-MM-DD; today in Bangkok when left out",
    z.optional(isoDateSchema),
  ),
  age: described(
    "Age in full years on the check date",
    z.optional(z.int().check(z.minimum(0), z.maximum(130))),
  ),
  birthDate: described(
    "Date of birth, YYYY-MM-DD; the age is counted from it on the check date when age is left out",
    z.optional(isoDateSchema),
  ),
  birthYearBE: described(
    "Year of birth in the Buddhist era (CE + 543), when age and birthDate are left out; an answer that depends on whether this year's birthday has passed stays unknown",
    z.optional(z.int().check(z.minimum(2400), z.maximum(2700))),
  ),
  nationality: described(`Nationality, ${NATIONALITY}`, z.optional(nationalitySchema)),
  hasDisabilityCard: described(
    "Holds a disability ID card (บัตรประจำตัวคนพิการ)",
    z.optional(z.boolean()),
  ),
  hasStateWelfareCard: described(
    "Holds the state welfare card (บัตรสวัสดิการแห่งรัฐ)",
    z.optional(z.boolean()),
  ),
  receivesGovernmentPension: described(
    "Receives a government pension or a regular state salary (not an allowance such as the disability or HIV allowance)",
    z.optional(z.boolean()),
  ),
  livesInStateCareHome: described(
    "Lives in a state care home (สถานสงเคราะห์ของรัฐ)",
    z.optional(z.boolean()),
  ),
  annualIncomePerPerson: described(
    "Average household income per person per year, in baht",
    z.optional(z.number().check(z.minimum(0), z.maximum(100_000_000))),
  ),
  financialAssets: described(
    "Savings, deposits and other financial assets, in baht",
    z.optional(z.number().check(z.minimum(0), z.maximum(10_000_000_000))),
  ),
  children: described(
    "Children in the applicant's care; an empty list means none",
    z.optional(z.array(childSchema).check(z.maxLength(MAX_CHILDREN))),
  ),
  receivesOtherStateChildBenefit: described(
    "The family already gets a state child benefit (social-security child allowance, civil-service or state-enterprise child welfare); asked only for checks dated before Oct 2018",
    z.optional(z.boolean()),
  ),
  poorOrWithoutSupport: described(
    "Has no income or not enough to live on, or has nobody to support them (for the HIV allowance and the family hardship aid)",
    z.optional(z.boolean()),
  ),
  hivCertified: described(
    "A doctor has certified the person as living with HIV/AIDS",
    z.optional(z.boolean()),
  ),
  meetsEarlyChildGrantConditions: described(
    "The household met the child grant's first-year conditions (dependants, a run-down house, no car, at most 1 rai of farmland); needed only for checks dated before Oct 2018, never asked by the chat or the form",
    z.optional(z.boolean()),
  ),
  hardships: described(
    "The family's hardships; an empty list means none",
    z.optional(
      z.array(z.enum(HARDSHIPS)).check(
        z.maxLength(HARDSHIPS.length),
        z.refine(list => new Set(list).size === list.length, {
          message: "Hardships must not repeat",
        }),
      ),
    ),
  ),
});

/** A request profile after validation (nationality codes upper-cased). */
export type EligibilityProfile = z.output<typeof eligibilityRequestSchema>;
/** A request profile as sent, before validation. */
export type EligibilityRequest = z.input<typeof eligibilityRequestSchema>;
export type ChildProfile = z.output<typeof childSchema>;
