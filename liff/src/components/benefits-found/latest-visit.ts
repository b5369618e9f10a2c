import { z } from "zod";
import { BENEFIT_IDS, type BenefitId, type TimelineEntry, type VisitHousehold } from "@sa/core";

// Lenient on purpose: entries written before a field existed still read.
const visitDataSchema = z.object({
  members: z.array(
    z.object({
      age: z.number().optional(),
      disability: z.boolean().optional(),
      nationalId: z.string().optional(),
      receives: z.array(z.enum(BENEFIT_IDS)).optional(),
    }),
  ),
  monthlyIncome: z.number().optional(),
});

/** The household as the case's most recent visit recorded it, if there was one. */
export function latestVisitHousehold(
  timeline: readonly TimelineEntry[],
): VisitHousehold | undefined {
  const latest = timeline
    .filter(entry => entry.type === "visit")
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  const parsed = latest && visitDataSchema.safeParse(latest.data);
  return parsed?.success ? parsed.data : undefined;
}

/** Benefits someone was already taken to apply for on this case. */
export function referredBenefits(timeline: readonly TimelineEntry[]): BenefitId[] {
  return timeline.flatMap(entry => {
    const benefit = z.enum(BENEFIT_IDS).safeParse(entry.data.benefit);
    return entry.type === "referral" && benefit.success ? [benefit.data] : [];
  });
}
