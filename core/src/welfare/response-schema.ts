import * as z from "zod/mini";
import { BENEFIT_IDS, ELIGIBILITY_STATUSES } from "./ids";
import { isoDateSchema } from "./profile-schema";

// The fields are documented in comments, not with .describe(): the LIFF app parses answers
// with this schema on its first screen, where every byte counts.
const amountSchema = z.int().check(z.minimum(0));

export const eligibilityResultSchema = z.object({
  benefit: z.enum(BENEFIT_IDS),
  /** The benefit's name in the caller's language. */
  title: z.string(),
  status: z.enum(ELIGIBILITY_STATUSES),
  /** Baht a month when eligible (all eligible children together for the child grant). */
  monthlyAmount: z.optional(amountSchema),
  /** Most baht paid at one time, for one-off aid. */
  oneOffAmount: z.optional(amountSchema),
  /** Profile fields still needed: for the status first, then for the amount. */
  missing: z.array(z.string()),
  reasons: z.array(z.string()),
  documents: z.array(z.string()),
  applyAt: z.string(),
  /** The rule version that decided: its source, effective date and id (see ruleVersionId). */
  source: z.object({
    title: z.string(),
    url: z.url(),
    effective: isoDateSchema,
    version: z.string(),
  }),
  notes: z.array(z.string()),
});
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

export const eligibilityResponseSchema = z.object({
  asOf: isoDateSchema,
  results: z.array(eligibilityResultSchema),
  /** Notes for the whole answer, such as the 1300 hotline. */
  notes: z.array(z.string()),
});
export type EligibilityResponse = z.infer<typeof eligibilityResponseSchema>;
