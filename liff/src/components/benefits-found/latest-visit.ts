import {
  compareIso,
  REFERRAL_AGENCY_OF_BENEFIT,
  type BenefitId,
  type TimelineEntry,
  type VisitHousehold,
  type VisitMember,
} from "@sa/core";

// Read by hand, leniently, not with zod: the entry was already checked when the case arrived,
// entries written before a field existed must still read, and a zod schema here would share
// zod with the first screen, which makes the bundler split that screen into one more chunk.
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;
const isBenefit = (value: unknown): value is BenefitId =>
  typeof value === "string" && Object.hasOwn(REFERRAL_AGENCY_OF_BENEFIT, value);

function member(data: Record<string, unknown>): VisitMember {
  const { age, disability, nationalId, receives } = data;
  return {
    ...(typeof age === "number" && { age }),
    ...(typeof disability === "boolean" && { disability }),
    ...(typeof nationalId === "string" && { nationalId }),
    ...(Array.isArray(receives) && { receives: receives.filter(isBenefit) }),
  };
}

/** The household as the case's most recent visit recorded it, if there was one. */
export function latestVisitHousehold(
  timeline: readonly TimelineEntry[],
): VisitHousehold | undefined {
  const latest = timeline
    .filter(entry => entry.type === "visit")
    .sort((a, b) => compareIso(b.at, a.at))[0];
  const { members, monthlyIncome } = latest?.data ?? {};
  if (!Array.isArray(members)) return undefined;
  return {
    members: members.filter(isRecord).map(member),
    ...(typeof monthlyIncome === "number" && { monthlyIncome }),
  };
}

/** Benefits someone was already taken to apply for on this case. */
export function referredBenefits(timeline: readonly TimelineEntry[]): BenefitId[] {
  return timeline.flatMap(entry =>
    entry.type === "referral" && isBenefit(entry.data.benefit) ? [entry.data.benefit] : [],
  );
}
