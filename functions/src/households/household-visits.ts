import { followUpAfter, type NeedFlags, type NextStep } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { canVisitHousehold } from "../cases/case-access";
import { CaseError } from "../cases/case-errors";
import type { Caller } from "../cases/case-service";
import { recordAudit, recordAuditIn } from "../repositories/audit";
import { replaceBenefitsFoundIn } from "../repositories/benefits-found";
import {
  hasHouseholdVisitIn,
  readHouseholdIn,
  writeHouseholdVisit,
} from "../repositories/households";
import { readAccountIn } from "../repositories/users";

export interface HouseholdVisit {
  /** The client's id: the same id again writes nothing. */
  id: string;
  at: string;
  needs: NeedFlags;
  /** Unclaimed benefits it found (count-benefits.ts). */
  benefitsFound: number;
  /** The follow-up it leaves open, or none (core/src/follow-up-rule.ts). */
  nextStep: NextStep;
  data: unknown;
}

/**
 * Records a visit to a target household as `caller`, as the case service does a case's change:
 * the household and the caller's account are read inside one transaction and access is checked
 * there (the same rule, canVisitHousehold), so a volunteer unassigned, or suspended, a moment
 * before cannot write; the visit, the household's needs, its sub-district's count of benefits
 * found and the audit line are written in that same transaction. A household not there is NotFound, a refusal NotAllowed (and audited).
 */
export async function visitHousehold(
  db: Firestore,
  caller: Caller,
  householdId: string,
  visit: HouseholdVisit,
  now: Date,
): Promise<{ created: boolean }> {
  const target = `households/${householdId}`;
  let deniedAs: string | undefined;
  try {
    return await db.runTransaction(async tx => {
      deniedAs = undefined;
      const recorded = await hasHouseholdVisitIn(tx, db, householdId, visit.id);
      const household = await readHouseholdIn(tx, db, householdId);
      const account = await readAccountIn(tx, db, caller.userId);
      if (!household) throw new CaseError("NotFound", "No such household");
      if (!canVisitHousehold(account, household)) {
        deniedAs = account.role;
        throw new CaseError("NotAllowed", "This household is not yours to visit");
      }
      if (recorded) return { created: false };
      const by = { userId: account.userId, name: account.name ?? caller.callerName ?? "" };
      const { nextStep, ...written } = visit;
      const followUp = followUpAfter(nextStep, by);
      writeHouseholdVisit(tx, db, householdId, { ...written, by, followUp }, now);
      // The household's latest visit replaces its earlier finding in the sub-district's count.
      replaceBenefitsFoundIn(tx, db, household.area, household.benefitsFound, visit.benefitsFound);
      recordAuditIn(tx, db, {
        actor: caller.userId,
        role: account.role,
        action: "visit_household",
        target,
      });
      return { created: true };
    });
  } finally {
    if (deniedAs !== undefined) {
      await recordAudit(db, {
        actor: caller.userId,
        role: deniedAs,
        action: "denied_household",
        target,
      });
    }
  }
}
