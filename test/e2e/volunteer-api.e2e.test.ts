import { beforeEach, describe, expect, it } from "vitest";
import { callApi, grantRole, lineUser, seedCase } from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";
import { eventually, received } from "../support/line-log";

const db = testFirestore();

async function auditActions(actor: string): Promise<string[]> {
  const snapshot = await db.collection("audit").where("actor", "==", actor).get();
  return snapshot.docs.map(doc => doc.data().action);
}

const visit = (clientId: string) => ({
  clientId,
  visitedAt: "2026-11-25T09:00:00+07:00",
  nextStep: { kind: "follow_up", date: "2026-12-02" },
  members: [
    { age: 81, sex: "female", disability: true, chronicIllness: true, nationalId: "1101700203450" },
  ],
  housing: "needs_repair",
  monthlyIncome: 600,
  needs: {
    health: { level: "urgent", note: "ต้องไปโรงพยาบาลทุกเดือน" },
    living: { level: "some" },
    education: { level: "none" },
    income: { level: "urgent" },
    access: { level: "some" },
  },
  notes: "อยู่คนเดียว ลูกไปทำงานกรุงเทพฯ",
});

beforeEach(async () => {
  await clearFirestore();
});

describe("the api function's volunteer routes", () => {
  it("should refuse calls without a valid LINE ID token", async () => {
    expect((await callApi("/me")).status).toBe(401);
    const forged = await callApi("/me", { idToken: "eyJhbGciOiJIUzI1NiJ9.e30.forged" });
    expect(forged.status).toBe(401);
    expect(forged.body.message).toMatch(/ID token/);
  });

  it("should register a new volunteer as pending, who then sees no case until approved", async () => {
    const { idToken } = await lineUser("สมศรี");
    expect((await callApi("/me", { idToken })).body).toMatchObject({
      role: "citizen",
      registration: "none",
    });

    const bad = await callApi("/volunteers/registration", {
      idToken,
      body: { name: "ส", phone: "12345", subDistrictCode: "999999", volunteerNumber: "" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(["name", "volunteerNumber"]),
    );

    const registered = await callApi("/volunteers/registration", {
      idToken,
      body: {
        name: "สมศรี ใจดี",
        phone: "081-234-5678",
        subDistrictCode: "500101",
        volunteerNumber: "CM-0001",
      },
    });
    expect(registered.status).toBe(202);
    expect(registered.body).toMatchObject({
      role: "volunteer",
      registration: "pending",
      area: { subDistrict: "ศรีภูมิ", province: "เชียงใหม่" },
    });
    expect((await callApi("/cases", { idToken })).status).toBe(403);
  });

  it("should list only the volunteer's own cases, urgent first", async () => {
    const me = await lineUser("อพม. หนึ่ง");
    const other = await lineUser("อพม. สอง");
    await grantRole(me.userId, "volunteer");
    await grantRole(other.userId, "volunteer");
    const mine = { userId: me.userId, name: "อพม. หนึ่ง" };
    const older = await seedCase({ assignee: mine });
    const urgent = await seedCase({ assignee: mine, urgent: true });
    await seedCase({ assignee: { userId: other.userId, name: "อพม. สอง" } });

    const { status, body } = await callApi("/cases", { idToken: me.idToken });
    expect(status).toBe(200);
    expect(body.cases.map((c: { ticket: string }) => c.ticket)).toEqual([
      urgent.ticket,
      older.ticket,
    ]);
  });

  it("should answer 403 for another volunteer's case and record the attempt", async () => {
    const me = await lineUser("อพม. หนึ่ง");
    const other = await lineUser("อพม. สอง");
    await grantRole(me.userId, "volunteer");
    const theirs = await seedCase({ assignee: { userId: other.userId, name: "อพม. สอง" } });

    const response = await callApi(`/cases/${theirs.ticket}`, { idToken: me.idToken });
    expect(response.status).toBe(403);
    expect(JSON.stringify(response.body)).not.toContain("ผู้สูงอายุ");
    expect(await auditActions(me.userId)).toEqual(["denied_case"]);
  });

  it("should show the assigned case, with the phone only when the reporter shared it, and audit the read", async () => {
    const me = await lineUser("อพม. หนึ่ง");
    await grantRole(me.userId, "volunteer");
    const assignee = { userId: me.userId, name: "อพม. หนึ่ง" };
    const shared = await seedCase({ assignee });
    const withheld = await seedCase({
      assignee,
      consent: { version: "test", givenAt: new Date().toISOString(), sharePhone: false },
    });

    const detail = await callApi(`/cases/${shared.ticket}`, { idToken: me.idToken });
    expect(detail.body).toMatchObject({
      ticket: shared.ticket,
      reporterPhone: "0812345678",
      description: shared.description,
    });
    expect(detail.body.timeline[0].type).toBe("created");
    expect(
      (await callApi(`/cases/${withheld.ticket}`, { idToken: me.idToken })).body.reporterPhone,
    ).toBeNull();
    expect(await auditActions(me.userId)).toEqual(["read_case", "read_case"]);
  });

  it("should record a household visit once even when the phone sends it twice", async () => {
    const me = await lineUser("อพม. หนึ่ง");
    await grantRole(me.userId, "volunteer");
    const report = await seedCase({ assignee: { userId: me.userId, name: "อพม. หนึ่ง" } });

    const first = await callApi(`/cases/${report.ticket}/visits`, {
      idToken: me.idToken,
      body: visit("visit-0001-abcd"),
    });
    const retry = await callApi(`/cases/${report.ticket}/visits`, {
      idToken: me.idToken,
      body: visit("visit-0001-abcd"),
    });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.entry).toEqual(first.body.entry);

    const detail = await callApi(`/cases/${report.ticket}`, { idToken: me.idToken });
    const visits = detail.body.timeline.filter((e: { type: string }) => e.type === "visit");
    expect(visits).toHaveLength(1);
    expect(visits[0].data.needs.health).toEqual({
      level: "urgent",
      note: "ต้องไปโรงพยาบาลทุกเดือน",
    });
    expect(detail.body.status).toBe("in_progress");
  });

  it("should name the bad national ID in a visit", async () => {
    const me = await lineUser("อพม. หนึ่ง");
    await grantRole(me.userId, "volunteer");
    const report = await seedCase({ assignee: { userId: me.userId, name: "อพม. หนึ่ง" } });
    const body = visit("visit-0002-abcd");
    body.members[0]!.nationalId = "1101700203451";
    const response = await callApi(`/cases/${report.ticket}/visits`, { idToken: me.idToken, body });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: "members[0].nationalId", message: "Not a valid 13-digit national ID" },
    ]);
  });

  it("should log assistance and a referral on the timeline, and mark the case referred", async () => {
    const me = await lineUser("อพม. หนึ่ง");
    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(me.userId, "volunteer", undefined, "อพม. หนึ่ง");
    const report = await seedCase({
      assignee: { userId: me.userId, name: "อพม. หนึ่ง" },
      acknowledgedBy: { userId: staff.userId, name: "เจ้าหน้าที่", at: new Date().toISOString() },
    });
    const assistance = await callApi(`/cases/${report.ticket}/assistance`, {
      idToken: me.idToken,
      body: {
        clientId: "assist-0001",
        date: "2026-11-25",
        type: "survival_bag",
        amount: 0,
        agency: "อบต.ศรีภูมิ",
      },
    });
    const referral = await callApi(`/cases/${report.ticket}/referrals`, {
      idToken: me.idToken,
      body: { clientId: "refer-00001", agency: "hospital", reason: "ต้องพบแพทย์" },
    });
    expect([assistance.status, referral.status]).toEqual([201, 201]);
    const detail = await callApi(`/cases/${report.ticket}`, { idToken: me.idToken });
    expect(detail.body.status).toBe("referred");
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      "created",
      "assistance",
      "referral",
    ]);
    expect(detail.body.timeline[1].by).toEqual({ name: "อพม. หนึ่ง", role: "volunteer" });
    // The staff member who took the case hears of the referral.
    const told = await eventually(async () =>
      (await received(staff.userId)).find(m =>
        JSON.stringify(m.message).includes("ส่งต่อให้ โรงพยาบาล"),
      ),
    );
    expect(JSON.stringify(told.message)).toContain(report.ticket);
  });
});
