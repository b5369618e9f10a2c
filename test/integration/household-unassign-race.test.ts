import { householdVisitSchema } from "@sa/core";
import { describe, expect, it } from "vitest";
import { CaseError } from "../../functions/src/cases/case-errors";
import { visitHousehold } from "../../functions/src/households/household-visits";
import { CHIANG_MAI_SI_PHUM } from "../support/accounts";
import { householdVisit, seededHousehold } from "../support/households";
import { ownProjectFirestore } from "../support/own-project";
import { changedBetweenAttempts, seedRaceVolunteer } from "../support/transaction-race";

/**
 * Staff give a village to another volunteer while the first one's household visit is being
 * written: after the visit service checked access, before anything is committed. As for cases
 * (unassign-race.test.ts), the abort Firestore answers with is forced on the first attempt and
 * the reassignment lands before the second. Were access checked once, before the transaction,
 * the second attempt would write the visit and overwrite the household's needs.
 */
const firestore = ownProjectFirestore("household-race");
const VOLUNTEER = "Uvolunteer-household-race";
const HOUSEHOLD = "50-RACE-1";
const NEEDS = { health: true, living: false, education: false, income: true, access: false };

async function assignedHousehold(): Promise<void> {
  const db = firestore();
  await seedRaceVolunteer(db, VOLUNTEER);
  await db
    .collection("households")
    .doc(HOUSEHOLD)
    .set(seededHousehold(HOUSEHOLD, { userId: VOLUNTEER, name: "อพม. ทดสอบ" }));
}

describe("a volunteer unassigned while their household visit is under way", () => {
  it("should be refused, leaving the household as staff left it and no visit on it", async () => {
    await assignedHousehold();
    const { racing, attempts } = changedBetweenAttempts(firestore(), db =>
      db
        .collection("households")
        .doc(HOUSEHOLD)
        .update({ assignee: { userId: "Uanother-volunteer", name: "อพม. อีกคน" } }),
    );
    const { clientId, ...data } = householdVisitSchema.parse(householdVisit("visit-race-1"));

    const result = visitHousehold(
      racing,
      { userId: VOLUNTEER },
      HOUSEHOLD,
      {
        id: clientId,
        at: data.visitedAt,
        needs: NEEDS,
        benefitsFound: 1,
        nextStep: data.nextStep,
        data,
      },
      new Date(),
    );
    await expect(result).rejects.toSatisfy(
      error => error instanceof CaseError && error.code === "NotAllowed",
    );
    // The first attempt passed the access check and planned the write; only the second ran
    // after the reassignment, and it refused.
    expect(attempts).toEqual([{ created: true }]);

    const db = firestore();
    const stored = (await db.collection("households").doc(HOUSEHOLD).get()).data()!;
    expect(stored.assignee.userId).toBe("Uanother-volunteer");
    expect(stored.lastVisit).toBeNull();
    expect(Object.values(stored.needs)).not.toContain(true);
    const visits = await db.collection("households").doc(HOUSEHOLD).collection("visits").get();
    expect(visits.empty).toBe(true);
    expect((await db.collection("benefitsFound").get()).empty).toBe(true);
    const audit = await db.collection("audit").where("actor", "==", VOLUNTEER).get();
    expect(audit.docs.map(doc => doc.data().action)).toEqual(["denied_household"]);
  });

  it("should write the visit, the household's needs, its sub-district's count and the audit line when nothing changes meanwhile", async () => {
    await assignedHousehold();
    const visitOf = (clientId: string, benefitsFound: number) => {
      const { clientId: id, ...data } = householdVisitSchema.parse(householdVisit(clientId));
      return { id, at: data.visitedAt, needs: NEEDS, benefitsFound, nextStep: data.nextStep, data };
    };
    const visit = (clientId: string, benefitsFound: number) =>
      visitHousehold(
        firestore(),
        { userId: VOLUNTEER },
        HOUSEHOLD,
        visitOf(clientId, benefitsFound),
        new Date(),
      );
    const db = firestore();
    const counted = async () =>
      (await db.collection("benefitsFound").doc(CHIANG_MAI_SI_PHUM.subDistrictCode!).get()).data()
        ?.count;

    expect([await visit("visit-calm-1", 2), await visit("visit-calm-1", 2)]).toEqual([
      { created: true },
      { created: false },
    ]);
    const stored = (await db.collection("households").doc(HOUSEHOLD).get()).data()!;
    expect(stored.needs).toEqual(NEEDS);
    expect(stored.lastVisit).toMatchObject({ id: "visit-calm-1", by: { userId: VOLUNTEER } });
    expect(await counted()).toBe(2);
    // A later visit finds one of the two claimed: the household counts once, as it is now.
    await visit("visit-calm-2", 1);
    expect(await counted()).toBe(1);
    const audit = await db
      .collection("audit")
      .where("actor", "==", VOLUNTEER)
      .where("action", "==", "visit_household")
      .get();
    expect(audit.size).toBe(2);
  });
});
