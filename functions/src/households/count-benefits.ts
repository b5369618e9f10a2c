import { bangkokDate, translator, unclaimedBenefits, type HouseholdVisitRequest } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { rulesInUse } from "../welfare-rules/rule-set";

/**
 * How many benefits a visit's members appear to meet but do not receive, by the rules in force
 * (published ones included) on the visit's day: what the volunteer saw on the review step.
 */
export async function countUnclaimedBenefits(
  db: Firestore,
  visit: Pick<HouseholdVisitRequest, "members" | "monthlyIncome" | "visitedAt">,
): Promise<number> {
  const rules = await rulesInUse(db);
  return unclaimedBenefits(visit, {
    asOf: bangkokDate(new Date(visit.visitedAt)),
    t: translator("th", "welfare"),
    rules,
  }).length;
}
