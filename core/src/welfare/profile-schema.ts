import { z } from "zod";
import { HARDSHIPS } from "./ids";
import { isIsoDate } from "./iso-date";

export const MAX_CHILDREN = 20;

/** YYYY-MM-DD that is a real calendar date (no 2026-02-30). */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "Expected a calendar date as YYYY-MM-DD" })
  .describe("Calendar date, YYYY-MM-DD (Gregorian)");

const nationalitySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: "Expected a two-letter country code such as TH" });
const NATIONALITY = 'ISO 3166-1 alpha-2 code; "TH" is Thai';

const childSchema = z.object({
  birthDate: isoDateSchema.describe("The child's date of birth, YYYY-MM-DD"),
  nationality: nationalitySchema.optional().describe(`The child's nationality, ${NATIONALITY}`),
  livesInCareHome: z
    .boolean()
    .optional()
    .describe(
      "The child lives in a state or private care home (สถานสงเคราะห์) rather than with the applicant; left out, the child grant stays unknown",
    ),
});

/**
 * What a citizen tells the checker. Every field is optional: a benefit whose answer depends on
 * a missing field comes back `unknown` with that field named.
 */
export const eligibilityRequestSchema = z.object({
  asOf: isoDateSchema
    .optional()
    .describe("Date to check on, YYYY-MM-DD; today in Bangkok when left out"),
  age: z.number().int().min(0).max(130).optional().describe("Age in full years on the check date"),
  birthDate: isoDateSchema
    .optional()
    .describe(
      "Date of birth, YYYY-MM-DD; the age is counted from it on the check date when age is left out",
    ),
  birthYearBE: z
    .number()
    .int()
    .min(2400)
    .max(2700)
    .optional()
    .describe(
      "Year of birth in the Buddhist era (CE + 543), when age and birthDate are left out; an answer that depends on whether this year's birthday has passed stays unknown",
    ),
  nationality: nationalitySchema.optional().describe(`Nationality, ${NATIONALITY}`),
  hasDisabilityCard: z
    .boolean()
    .optional()
    .describe("Holds a disability ID card (บัตรประจำตัวคนพิการ)"),
  hasStateWelfareCard: z
    .boolean()
    .optional()
    .describe("Holds the state welfare card (บัตรสวัสดิการแห่งรัฐ)"),
  receivesGovernmentPension: z
    .boolean()
    .optional()
    .describe(
      "Receives a government pension or a regular state salary (not an allowance such as the disability or HIV allowance)",
    ),
  livesInStateCareHome: z
    .boolean()
    .optional()
    .describe("Lives in a state care home (สถานสงเคราะห์ของรัฐ)"),
  annualIncomePerPerson: z
    .number()
    .min(0)
    .max(100_000_000)
    .optional()
    .describe("Average household income per person per year, in baht"),
  financialAssets: z
    .number()
    .min(0)
    .max(10_000_000_000)
    .optional()
    .describe("Savings, deposits and other financial assets, in baht"),
  children: z
    .array(childSchema)
    .max(MAX_CHILDREN)
    .optional()
    .describe("Children in the applicant's care; an empty list means none"),
  receivesOtherStateChildBenefit: z
    .boolean()
    .optional()
    .describe(
      "The family already gets a state child benefit (social-security child allowance, civil-service or state-enterprise child welfare); asked only for checks dated before Oct 2018",
    ),
  poorOrWithoutSupport: z
    .boolean()
    .optional()
    .describe(
      "Has no income or not enough to live on, or has nobody to support them (for the HIV allowance and the family hardship aid)",
    ),
  hivCertified: z
    .boolean()
    .optional()
    .describe("A doctor has certified the person as living with HIV/AIDS"),
  meetsEarlyChildGrantConditions: z
    .boolean()
    .optional()
    .describe(
      "The household met the child grant's first-year conditions (dependants, a run-down house, no car, at most 1 rai of farmland); needed only for checks dated before Oct 2018, never asked by the chat or the form",
    ),
  hardships: z
    .array(z.enum(HARDSHIPS))
    .max(HARDSHIPS.length)
    .refine(list => new Set(list).size === list.length, { message: "Hardships must not repeat" })
    .optional()
    .describe("The family's hardships; an empty list means none"),
});

/** A request profile after validation (nationality codes upper-cased). */
export type EligibilityProfile = z.output<typeof eligibilityRequestSchema>;
/** A request profile as sent, before validation. */
export type EligibilityRequest = z.input<typeof eligibilityRequestSchema>;
export type ChildProfile = z.output<typeof childSchema>;
