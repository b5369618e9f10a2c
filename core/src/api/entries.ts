import * as z from "zod/mini";
import { described } from "../described";
import { caseMediaSchema } from "../case";
import { BENEFIT_IDS } from "../welfare/ids";
import { caseSummarySchema, clientIdSchema, NEED_LEVELS, textField } from "./cases";

/**
 * What volunteers add: the request bodies of a case's visits, assistance, referrals and status
 * changes, and of a household's visit; and a case's timeline and detail as they are read back.
 * Apart from the case list (cases.ts) so that the LIFF app builds these schemas only when a
 * case or a form opens, not on the first screen of a slow phone.
 */

export const TIMELINE_TYPES = [
  "created",
  "acknowledged",
  "assigned",
  "status",
  "visit",
  "assistance",
  "referral",
] as const;

export const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.enum(TIMELINE_TYPES),
  at: z.string(),
  by: z.object({
    name: z.string(),
    role: z.enum(["citizen", "volunteer", "staff", "admin", "system"]),
  }),
  /** The body that was submitted (visit, assistance, referral, status change). */
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const caseDetailSchema = z.extend(caseSummarySchema, {
  description: z.string(),
  location: z.nullable(
    z.object({ latitude: z.number(), longitude: z.number(), address: z.optional(z.string()) }),
  ),
  photoCount: z.int().check(z.minimum(0)),
  /** The report's voice notes and videos, in order: each is fetched from `media/{index}`. */
  media: z.array(z.pick(caseMediaSchema, { kind: true, durationMs: true })),
  /** Only when the reporter agreed to share it. */
  reporterPhone: z.nullable(z.string()),
  assignee: z.nullable(z.object({ userId: z.string(), name: z.string() })),
  /** The target household at the case's address (same sub-district, village, house number). */
  household: z.optional(
    z.nullable(z.object({ id: z.string(), householdId: z.string(), headName: z.string() })),
  ),
  timeline: z.array(timelineEntrySchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const nationalIdSchema = z
  .string()
  .check(z.refine(isValidThaiNationalId, { message: "Not a valid 13-digit national ID" }));

const needSchema = z.strictObject({
  level: z.enum(NEED_LEVELS),
  note: z.optional(textField(500)),
});

export const householdMemberSchema = z.strictObject({
  age: z.int().check(z.minimum(0), z.maximum(130)),
  sex: z.enum(["female", "male", "other"]),
  disability: z.boolean(),
  chronicIllness: z.boolean(),
  nationalId: z.optional(nationalIdSchema),
  /** Welfare benefits the member already gets: a visit never suggests them again. */
  receives: z.optional(
    z.array(z.enum(BENEFIT_IDS)).check(
      z.maxLength(BENEFIT_IDS.length),
      z.refine(list => new Set(list).size === list.length, { message: "Benefits must not repeat" }),
    ),
  ),
});

/** Where the phone said it was: a real point on Earth, and how sure it was (metres). */
export const gpsSchema = z.strictObject({
  latitude: z.number().check(z.minimum(-90), z.maximum(90)),
  longitude: z.number().check(z.minimum(-180), z.maximum(180)),
  accuracy: z.number().check(z.minimum(0), z.maximum(100_000)),
});

/**
 * How a visit ends: the next visit's date (Bangkok calendar, on or after the visit), or no
 * follow-up with the reason why, for a case and a household alike (core/src/follow-up.ts).
 */
export const nextStepSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("follow_up"),
    date: described("YYYY-MM-DD, Gregorian", z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  }),
  z.strictObject({
    kind: z.literal("none"),
    reason: textField(500).check(z.trim(), z.minLength(1)),
  }),
]);
export type NextStep = z.infer<typeof nextStepSchema>;

/**
 * Request bodies are strict: a field the schema does not know is refused with its name (a
 * misspelt "notse" must not vanish silently), and every string and number has a bound.
 */
export const visitSchema = z.strictObject({
  clientId: clientIdSchema,
  visitedAt: described("ISO date-time of the visit", z.iso.datetime({ offset: true })),
  members: z.array(householdMemberSchema).check(z.minLength(1), z.maxLength(30)),
  housing: z.enum(["stable", "needs_repair", "unsafe", "no_home"]),
  monthlyIncome: described(
    "Household income a month, baht",
    z.number().check(z.minimum(0), z.maximum(10_000_000)),
  ),
  needs: z.strictObject({
    health: needSchema,
    living: needSchema,
    education: needSchema,
    income: needSchema,
    access: needSchema,
  }),
  notes: z.optional(textField(2000)),
  /** JPEG data URLs compressed on the phone (at most ~300 KB each). */
  photos: z.optional(z.array(z.string().check(z.maxLength(400_000))).check(z.maxLength(3))),
  gps: z.optional(gpsSchema),
  nextStep: nextStepSchema,
});
export type VisitRequest = z.infer<typeof visitSchema>;

/**
 * The family record book visit, minus photos (a household's visits keep no pictures yet); it
 * ends with a next step like a case's visit.
 */
export const householdVisitSchema = z.omit(visitSchema, { photos: true });
export type HouseholdVisitRequest = z.infer<typeof householdVisitSchema>;

export const ASSISTANCE_TYPES = [
  "cash",
  "survival_bag",
  "housing_repair",
  "equipment",
  "counselling",
  "job_training",
  "other",
] as const;

export const assistanceSchema = z.strictObject({
  clientId: clientIdSchema,
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  type: z.enum(ASSISTANCE_TYPES),
  amount: described(
    "Baht; 0 for help in kind",
    z.number().check(z.minimum(0), z.maximum(10_000_000)),
  ),
  agency: textField(200).check(z.minLength(1)),
  note: z.optional(textField(1000)),
});
export type AssistanceRequest = z.infer<typeof assistanceSchema>;

export const REFERRAL_AGENCIES = [
  "hospital",
  "police",
  "childrens_home",
  "provincial_office",
  "local_authority",
  "shelter",
  "other",
] as const;

export const referralSchema = z.strictObject({
  clientId: clientIdSchema,
  agency: z.enum(REFERRAL_AGENCIES),
  reason: textField(1000).check(z.minLength(1)),
  /** A referral to apply for a benefit a visit found ("พาไปยื่นขอ"). */
  benefit: z.optional(z.enum(BENEFIT_IDS)),
});
export type ReferralRequest = z.infer<typeof referralSchema>;

/** What a volunteer may set; staff have the full set of transitions. */
export const VOLUNTEER_STATUSES = ["in_progress", "needs_staff", "resolved"] as const;

export const volunteerStatusSchema = z.strictObject({
  clientId: clientIdSchema,
  status: z.enum(VOLUNTEER_STATUSES),
  note: z.optional(textField(1000)),
});
export type VolunteerStatusRequest = z.infer<typeof volunteerStatusSchema>;

/** Thai national ID: 13 digits, the last a checksum of the first 12 (mod 11). */
export function isValidThaiNationalId(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}
