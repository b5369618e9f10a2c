import { z } from "zod";
import { BENEFIT_IDS, ELIGIBILITY_STATUSES } from "./ids";
import { isoDateSchema } from "./profile-schema";

const amountSchema = z.number().int().min(0);

export const eligibilityResultSchema = z.object({
  benefit: z.enum(BENEFIT_IDS),
  title: z.string().describe("The benefit's name in the caller's language"),
  status: z.enum(ELIGIBILITY_STATUSES),
  monthlyAmount: amountSchema
    .optional()
    .describe("Baht a month when eligible (all eligible children together for the child grant)"),
  oneOffAmount: amountSchema.optional().describe("Most baht paid at one time, for one-off aid"),
  missing: z
    .array(z.string())
    .describe("Profile fields still needed: for the status first, then for the amount"),
  reasons: z.array(z.string()),
  documents: z.array(z.string()),
  applyAt: z.string(),
  source: z.object({ title: z.string(), url: z.url(), effective: isoDateSchema }),
  notes: z.array(z.string()),
});
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

export const eligibilityResponseSchema = z.object({
  asOf: isoDateSchema,
  results: z.array(eligibilityResultSchema),
  notes: z.array(z.string()).describe("Notes for the whole answer, such as the 1300 hotline"),
});
export type EligibilityResponse = z.infer<typeof eligibilityResponseSchema>;
