import * as z from "zod/mini";
import { areaSchema } from "../area";
import { TPMAP_DIMENSIONS } from "../api/cases";
import { followUpSchema } from "../follow-up";
import { toAsciiDigits } from "../thai-text";

/** One flag per TPMAP dimension: true where the household has a need. */
export const needFlagsSchema = z.object(
  Object.fromEntries(TPMAP_DIMENSIONS.map(d => [d, z.boolean()])) as Record<
    (typeof TPMAP_DIMENSIONS)[number],
    z.ZodMiniBoolean
  >,
);
export type NeedFlags = z.infer<typeof needFlagsSchema>;

export const householdPointSchema = z.object({
  latitude: z.number().check(z.minimum(-90), z.maximum(90)),
  longitude: z.number().check(z.minimum(-180), z.maximum(180)),
});

/** A household id as lists carry it: letters, digits and dashes, short and path-safe. */
export const HOUSEHOLD_ID = /^[0-9A-Za-z-]{1,40}$/;

/** A target household as one row of an imported list says it is. */
export const importedHouseholdSchema = z.object({
  householdId: z.string().check(z.regex(HOUSEHOLD_ID)),
  houseNumber: z.string().check(z.minLength(1), z.maxLength(20)),
  /** หมู่ที่ */
  village: z.int().check(z.minimum(1), z.maximum(99)),
  /** Down to the sub-district, always. */
  area: z.required(areaSchema, { districtCode: true, subDistrictCode: true }),
  headName: z.string().check(z.minLength(1), z.maxLength(100)),
  members: z.nullable(z.int().check(z.minimum(1), z.maximum(50))),
  /** YYYY-MM-DD (Gregorian), read from a Buddhist-era date where the list has one. */
  surveyedAt: z.nullable(z.string()),
  needs: needFlagsSchema,
  point: z.nullable(householdPointSchema),
});
export type ImportedHousehold = z.infer<typeof importedHouseholdSchema>;

const assigneeSchema = z.object({ userId: z.string(), name: z.string() });

/** The latest visit, as much of it as lists and progress need. */
export const householdVisitSummarySchema = z.object({
  id: z.string(),
  at: z.string(),
  by: assigneeSchema,
});

/** `households/{id}`: a target household, from the list and from the visits since. */
export const householdSchema = z.extend(importedHouseholdSchema, {
  /** `{provinceCode}-{householdId}`: a second import of the same id updates this record. */
  id: z.string(),
  provinceCode: z.string().check(z.regex(/^\d{2}$/)),
  /** sub-district code | village | house number: how a case's address finds its household. */
  addressKey: z.string(),
  /** What the list said; `needs` is the latest visit's finding when there is one. */
  listNeeds: needFlagsSchema,
  assignee: z.nullable(assigneeSchema),
  lastVisit: z.nullable(householdVisitSummarySchema),
  /** Benefits the latest visit found its members appear to meet but do not receive. */
  benefitsFound: z.optional(z.int().check(z.minimum(0))),
  /** The next visit the latest visit set, as on a case (core/src/follow-up.ts). */
  followUp: z.optional(z.nullable(followUpSchema)),
  importedAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof householdSchema>;

/** "12/3" and "๑๒/๓ " are the same house; spacing and Thai digits never tell houses apart. */
export function normaliseHouseNumber(text: string): string {
  return toAsciiDigits(text).replace(/\s+/g, "").toUpperCase();
}

export function householdAddressKey(
  subDistrictCode: string,
  village: number,
  houseNumber: string,
): string {
  return `${subDistrictCode}|${village}|${normaliseHouseNumber(houseNumber)}`;
}

export function householdDocId(provinceCode: string, householdId: string): string {
  return `${provinceCode}-${householdId}`;
}

/** Whether any of the five dimensions shows a need. */
export function hasNeeds(needs: NeedFlags): boolean {
  return TPMAP_DIMENSIONS.some(d => needs[d]);
}

/**
 * The house number and village (หมู่) in an address as people write it — "12/3 หมู่ 5 ต.ศรีภูมิ",
 * "บ้านเลขที่ ๑๒ ม.๕" — or undefined when either is missing.
 */
export function houseAddressIn(text: string): { houseNumber: string; village: number } | undefined {
  const ascii = toAsciiDigits(text);
  const village = /(?:หมู่ที่|หมู่|ม\.)\s*(\d{1,2})(?!\d)/.exec(ascii);
  const house =
    /(?:บ้านเลขที่|เลขที่)\s*(\d+(?:\/\d+)?)/.exec(ascii) ??
    /^\s*(\d+(?:\/\d+)?)(?=\s)/.exec(ascii);
  if (!village || !house) return undefined;
  return { houseNumber: house[1]!, village: Number(village[1]) };
}
