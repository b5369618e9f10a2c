import { bangkokDate } from "@sa/core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callApi, grantRole, lineUser, seedCase } from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";
import { eventually, received, runSweep } from "../support/line-log";
import { dayFromToday, seedFollowUps } from "../support/follow-ups";
import { householdVisit, seededHousehold } from "../support/households";
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

describe("a household visit's next step", () => {
  it("should follow the case's rule: refused without one, a date opens a follow-up, none ends it", async () => {
    const me = await lineUser("อพม. สมใจ");
    await grantRole(me.userId, "volunteer", undefined, "อพม. สมใจ");
    const household = seededHousehold("50-HV-0001", { userId: me.userId, name: "อพม. สมใจ" });
    await db.collection("households").doc(household.id).set(household);
    const post = (clientId: string, nextStep?: unknown) =>
      callApi(`/households/${household.id}/visits`, {
        idToken: me.idToken,
        // An undefined next step is left out of the JSON: a visit without one.
        body: { ...householdVisit(clientId), nextStep, visitedAt: new Date().toISOString() },
      });

    const refused = [
      await post("hh-visit-0001", undefined),
      await post("hh-visit-0002", { kind: "follow_up", date: dayFromToday(-1) }),
    ];
    expect(refused.map(a => [a.status, a.body.errors[0].field])).toEqual([
      [400, "nextStep"],
      [400, "nextStep.date"],
    ]);
    expect((await db.collection("households").doc(household.id).get()).data()!.lastVisit).toBe(
      null,
    );

    const due = dayFromToday(7);
    expect((await post("hh-visit-0003", { kind: "follow_up", date: due })).status).toBe(201);
    const planned = (await db.collection("households").doc(household.id).get()).data()!;
    expect(planned.followUp).toEqual({
      due,
      volunteerUserId: me.userId,
      volunteerName: "อพม. สมใจ",
      remindedOn: [],
    });

    const none = { kind: "none", reason: "ลูกสาวย้ายกลับมาดูแลแล้ว" };
    expect((await post("hh-visit-0004", none)).status).toBe(201);
    const ended = (await db.collection("households").doc(household.id).get()).data()!;
    expect(ended.followUp).toBeNull();
  });

  it("should remind the volunteer on the day through the outbox, once", async () => {
    const me = await lineUser("อพม. สมใจ");
    await grantRole(me.userId, "volunteer", undefined, "อพม. สมใจ");
    const household = seededHousehold("50-HV-0002", { userId: me.userId, name: "อพม. สมใจ" });
    await db.collection("households").doc(household.id).set(household);
    const saved = await callApi(`/households/${household.id}/visits`, {
      idToken: me.idToken,
      body: {
        ...householdVisit("hh-visit-0005", { kind: "follow_up", date: dayFromToday(0) }),
        visitedAt: new Date().toISOString(),
      },
    });
    expect(saved.status).toBe(201);

    await runSweep();
    await runSweep();
    const reminders = await eventually(async () => {
      const pushes = (await received(me.userId)).filter(m =>
        JSON.stringify(m.message).includes("นัดเยี่ยมติดตามบ้าน"),
      );
      return pushes.length > 0 && pushes;
    });
    const queued = await db.collection("outbox").where("ticket", "==", household.id).get();
    expect(queued.docs.map(doc => doc.data().reason)).toEqual([
      "volunteer.household_follow_up_today",
    ]);
    expect(reminders).toHaveLength(1);
    const text = JSON.stringify(reminders[0]!.message);
    expect(text).toContain(`วันนี้มีนัดเยี่ยมติดตามบ้านรหัส ${household.id}`);
    expect(text).toContain(`/households/${household.id}/visit`);
    // Lock-screen safe: not the family's name.
    expect(text).not.toContain(household.headName);
  });
});

describe("follow-ups past their day", () => {
  it("should be flagged on the volunteer's lists and counted per volunteer and sub-district for staff", async () => {
    const somjai = await lineUser("อพม. สมใจ");
    const manee = await lineUser("อพม. มานี");
    await grantRole(somjai.userId, "volunteer", undefined, "อพม. สมใจ");
    await grantRole(manee.userId, "volunteer", undefined, "อพม. มานี");
    const staff = await lineUser("เจ้าหน้าที่ สมศักดิ์");
    await grantRole(staff.userId, "staff");
    const { overdueCase, dueToday } = await seedFollowUps(
      { userId: somjai.userId, name: "อพม. สมใจ" },
      { userId: manee.userId, name: "อพม. มานี" },
    );

    const cases = (await callApi("/cases", { idToken: somjai.idToken })).body.cases;
    const flag = (ticket: string) =>
      cases.find((c: { ticket: string }) => c.ticket === ticket).followUpOverdue;
    expect([flag(overdueCase.ticket), flag(dueToday.ticket)]).toEqual([true, false]);
    const households = (await callApi("/households", { idToken: somjai.idToken })).body.households;
    expect(
      households.map((h: { id: string; followUpOverdue: boolean }) => [h.id, h.followUpOverdue]),
    ).toEqual(
      expect.arrayContaining([
        ["50-FU-0001", true],
        ["50-FU-0002", false],
      ]),
    );

    const dashboard = await callApi("/staff/dashboard", { idToken: staff.idToken });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.followUps).toEqual({
      overdue: 4,
      grouped: 4,
      byVolunteer: [
        { userId: somjai.userId, name: "อพม. สมใจ", count: 3 },
        { userId: manee.userId, name: "อพม. มานี", count: 1 },
      ],
      bySubDistrict: [
        { code: "500102", name: "พระสิงห์", count: 2 },
        { code: "500101", name: "ศรีภูมิ", count: 2 },
      ],
    });
  });
});
