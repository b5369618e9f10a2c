import * as z from "zod/mini";
import { areaSchema } from "../area";
import { householdPointSchema, needFlagsSchema } from "../households/household";

/**
 * A volunteer's target households and their visits: kept apart from the import schemas so that
 * the LIFF app's first screen carries none of the list-import code.
 */

/** A household as a volunteer's list and the visit form show it. */
export const householdViewSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  houseNumber: z.string(),
  village: z.number(),
  area: areaSchema,
  headName: z.string(),
  members: z.nullable(z.number()),
  needs: needFlagsSchema,
  /** The household's own point, or its sub-district's centre (`approximate`). */
  point: z.nullable(z.extend(householdPointSchema, { approximate: z.boolean() })),
  lastVisitAt: z.nullable(z.string()),
  /** A follow-up visit whose day has passed. */
  followUpOverdue: z.optional(z.boolean()),
});
export type HouseholdView = z.infer<typeof householdViewSchema>;

export const myHouseholdsSchema = z.object({
  households: z.array(householdViewSchema),
  progress: z.object({ total: z.number(), visited: z.number(), needsFound: z.number() }),
});
export type MyHouseholds = z.infer<typeof myHouseholdsSchema>;
