import * as z from "zod/mini";
import { described } from "../described";
import { compareIso } from "../intl-once";
import { areaSchema } from "../area";
import { CASE_CATEGORIES } from "../categories";
import { CASE_STATUSES } from "../case";

/**
 * Request and response bodies of the `api` function's authenticated routes, shared by the
 * functions (to validate what arrives) and the LIFF app (to build and read requests): here what
 * a case list needs and the parts every body shares; what volunteers add to a case is in
 * entries.ts. Every write carries a client-generated `clientId`: a retry with the same id never
 * writes twice.
 */
/** C0 control characters other than tab and line breaks, and DEL: never typed by a person. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text from a form: bounded, and refused (with the field named) if it holds control characters. */
export const textField = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine(text => !CONTROL_CHARACTERS.test(text), { message: "Contains control characters" }),
  );

export const clientIdSchema = described(
  "Generated on the phone when the form is started; makes retries safe",
  z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
);

export const caseSummarySchema = z.object({
  ticket: z.string(),
  category: z.nullable(z.enum(CASE_CATEGORIES)),
  urgent: z.boolean(),
  status: z.enum(CASE_STATUSES),
  area: z.nullable(areaSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A follow-up visit whose day has passed (core/src/follow-up.ts). */
  followUpOverdue: z.optional(z.boolean()),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/**
 * Urgent cases first, then the longest waiting: what a volunteer should see first. The API
 * answers in this order, and the LIFF app keeps it for the copy on the phone and a list
 * filtered offline.
 */
export function byUrgencyThenAge(a: CaseSummary, b: CaseSummary): number {
  return Number(b.urgent) - Number(a.urgent) || compareIso(a.createdAt, b.createdAt);
}

export const NEED_LEVELS = ["none", "some", "urgent"] as const;
/** TPMAP's five dimensions of poverty, used by the family record book. */
export const TPMAP_DIMENSIONS = ["health", "living", "education", "income", "access"] as const;

/** A LINE user id as the API takes it in a body: path-safe and short. */
export const userIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a user id"));
