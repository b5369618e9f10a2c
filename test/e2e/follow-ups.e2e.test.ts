import { bangkokDate } from "@sa/core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callApi, grantRole, lineUser, seedCase } from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";
import { eventually, received, runSweep } from "../support/line-log";
import { warmUpFunctions } from "../support/warm-up";

const db = testFirestore();
const DAY_MS = 24 * 3_600_000;

const visit = (clientId: string, nextStep: unknown) => ({
  clientId,
  visitedAt: new Date().toISOString(),
  members: [{ age: 79, sex: "female", disability: false, chronicIllness: true }],
  housing: "stable",
  monthlyIncome: 600,
  needs: {
    health: { level: "some" },
    living: { level: "none" },
    education: { level: "none" },
    income: { level: "urgent" },
    access: { level: "none" },
  },
  ...(nextStep !== undefined && { nextStep }),
});

async function volunteerWithCase() {
  const me = await lineUser("อพม. สมใจ");
  await grantRole(me.userId, "volunteer", undefined, "อพม. สมใจ");
  const report = await seedCase({ assignee: { userId: me.userId, name: "อพม. สมใจ" } });
  return { me, report };
}

beforeAll(warmUpFunctions, 120_000);
beforeEach(async () => {
  await clearFirestore();
});

describe("a visit's next step", () => {
  it("should refuse a visit without a next step, with no reason, or with a date before the visit", async () => {
    const { me, report } = await volunteerWithCase();
    const post = (clientId: string, nextStep: unknown) =>
      callApi(`/cases/${report.ticket}/visits`, {
        idToken: me.idToken,
        body: visit(clientId, nextStep),
      });
    const yesterday = bangkokDate(new Date(Date.now() - DAY_MS));
    const answers = [
      await post("visit-none-0001", undefined),
      await post("visit-none-0002", { kind: "none", reason: " " }),
      await post("visit-none-0003", { kind: "follow_up", date: yesterday }),
    ];
    expect(answers.map(a => a.status)).toEqual([400, 400, 400]);
    expect(answers.map(a => a.body.errors[0].field)).toEqual([
      "nextStep",
      "nextStep.reason",
      "nextStep.date",
    ]);
    const timeline = await db.collection("cases").doc(report.ticket).collection("timeline").get();
    expect(timeline.size).toBe(0);
  });

  it("should remind the volunteer once the day before, however often the sweep runs", async () => {
    const { me, report } = await volunteerWithCase();
    const tomorrow = bangkokDate(new Date(Date.now() + DAY_MS));
    const saved = await callApi(`/cases/${report.ticket}/visits`, {
      idToken: me.idToken,
      body: visit("visit-next-0001", { kind: "follow_up", date: tomorrow }),
    });
    expect(saved.status).toBe(201);

    await runSweep();
    await runSweep();
    const reminders = await eventually(async () => {
      const pushes = (await received(me.userId)).filter(m =>
        JSON.stringify(m.message).includes("นัดเยี่ยมติดตาม"),
      );
      return pushes.length > 0 && pushes;
    });
    const queued = await db.collection("outbox").where("ticket", "==", report.ticket).get();
    expect(queued.docs.map(doc => doc.data().reason)).toEqual(["volunteer.follow_up_tomorrow"]);
    expect(reminders).toHaveLength(1);
    const text = JSON.stringify(reminders[0]!.message);
    expect(text).toContain(`พรุ่งนี้มีนัดเยี่ยมติดตามเรื่อง ${report.ticket}`);
    expect(text).toContain("เปิดดู");
    // Lock-screen safe: nothing of the case itself.
    expect(text).not.toContain(report.description);
    expect(text).not.toContain("0812345678");
  });
});

describe("closing a case with a follow-up planned", () => {
  it("should refuse to close it without a reason, and close it with one", async () => {
    const staff = await lineUser("เจ้าหน้าที่ สมศักดิ์");
    await grantRole(staff.userId, "staff");
    const report = await seedCase({
      status: "resolved",
      acknowledgedBy: {
        userId: staff.userId,
        name: "เจ้าหน้าที่ สมศักดิ์",
        at: "2026-11-25T00:00:00Z",
      },
      followUp: { due: "2026-12-20", volunteerUserId: "Uvolunteer", remindedOn: [] },
    });
    const close = (clientId: string, note?: string) =>
      callApi(`/cases/${report.ticket}/staff-status`, {
        idToken: staff.idToken,
        body: { clientId, status: "closed", ...(note && { note }) },
      });

    const refused = await close("close-0000-0001");
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("follow_up_open");
    const unchanged = (await db.collection("cases").doc(report.ticket).get()).data()!;
    expect(unchanged.status).toBe("resolved");

    const closed = await close("close-0000-0002", "ครอบครัวย้ายไปอยู่จังหวัดลำพูนแล้ว");
    expect(closed.status).toBe(201);
    const after = (await db.collection("cases").doc(report.ticket).get()).data()!;
    expect(after.status).toBe("closed");
    expect(after.followUp).toBeNull();
  });
});
