import type { Case } from "@sa/core";
import { describe, expect, it } from "vitest";
import { recordWork } from "../../functions/src/cases/case-changes";
import { CaseError } from "../../functions/src/cases/case-errors";
import { changeCase } from "../../functions/src/cases/case-service";
import { CHIANG_MAI_SI_PHUM } from "../support/accounts";
import { ownProjectFirestore } from "../support/own-project";
import { changedBetweenAttempts, seedRaceVolunteer } from "../support/transaction-race";

/**
 * Staff unassign a volunteer while the volunteer's write is under way: after the case service
 * checked the volunteer's access, before anything is committed. Firestore meets that by
 * aborting the transaction (the case it read has changed) and running it again; here the
 * abort is made to happen on the first attempt, and the unassignment lands before the second,
 * so the interleaving is the same on every run. Were access checked once, outside the
 * transaction, the second attempt would write.
 */
const firestore = ownProjectFirestore("unassign-race");
const VOLUNTEER = "Uvolunteer-race";
const options = { now: new Date(), liffBaseUrl: "https://liff.line.me/test" };

async function assignedCase(ticket: string): Promise<void> {
  const db = firestore();
  await seedRaceVolunteer(db, VOLUNTEER);
  const now = new Date().toISOString();
  const report: Case = {
    ticket,
    category: "elderly",
    urgent: false,
    description: "ผู้สูงอายุอยู่คนเดียว",
    location: { area: CHIANG_MAI_SI_PHUM },
    photos: [],
    reporter: { lineUserId: "Ucitizen", phone: null, language: "th" },
    consent: { version: "test", givenAt: now, sharePhone: false },
    status: "assigned",
    assignee: { userId: VOLUNTEER, name: "อพม. ทดสอบ" },
    createdAt: now,
    updatedAt: now,
  };
  await db.collection("cases").doc(ticket).set(report);
}

describe("a volunteer unassigned while their write is under way", () => {
  it("should be refused, leaving the case as staff left it and no timeline entry", async () => {
    const ticket = "691201-RACE1";
    await assignedCase(ticket);
    const { racing, attempts } = changedBetweenAttempts(firestore(), db =>
      db.collection("cases").doc(ticket).update({ assignee: null, status: "acknowledged" }),
    );

    const result = changeCase(racing, { userId: VOLUNTEER }, ticket, recordWork("visit", {}), {
      id: "visit-race-1",
      ...options,
    });
    await expect(result).rejects.toSatisfy(
      error => error instanceof CaseError && error.code === "NotAllowed",
    );
    // The first attempt passed the access check and planned the write; only the second ran
    // after the unassignment, and it refused.
    expect(attempts).toHaveLength(1);
    expect((attempts[0] as { created: boolean }).created).toBe(true);

    const db = firestore();
    const stored = (await db.collection("cases").doc(ticket).get()).data()!;
    expect(stored.assignee).toBeNull();
    expect(stored.status).toBe("acknowledged");
    const timeline = await db.collection("cases").doc(ticket).collection("timeline").get();
    expect(timeline.empty).toBe(true);
    const denied = await db
      .collection("audit")
      .where("actor", "==", VOLUNTEER)
      .where("action", "==", "denied_case")
      .get();
    expect(denied.size).toBe(1);
  });
});
