import { beforeEach, describe, expect, it } from "vitest";
import { onDuty, type Area } from "@sa/core";
import { readRoster } from "../../functions/src/repositories/duty-rosters";
import { callApi, grantRole, lineUser } from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";

const db = testFirestore();

const CHIANG_MAI: Area = { provinceCode: "50", province: "เชียงใหม่", provinceEn: "Chiang Mai" };
const BANGKOK: Area = { provinceCode: "10", province: "กรุงเทพมหานคร", provinceEn: "Bangkok" };

/** A moment in Thailand time (UTC+7), as rosters are written. */
const bangkok = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

/** A LINE user with a role (and an ID token for the API). */
async function person(
  name: string,
  role: "citizen" | "volunteer" | "staff" | "admin",
  area: Area | null = CHIANG_MAI,
) {
  const user = await lineUser(name);
  if (role !== "citizen") await grantRole(user.userId, role, area, name);
  return { ...user, name };
}

const putRoster = (idToken: string, shifts: unknown[], query = "") =>
  callApi(`/staff/duty${query}`, { idToken, method: "PUT", body: { shifts } });

const fieldsOf = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map(error => error.field);

async function storedRoster(id: string) {
  return (await db.collection("duty").doc(id).get()).data();
}

beforeEach(async () => {
  await clearFirestore();
});

describe("the duty roster routes", () => {
  it("should let Chiang Mai staff read their empty roster with the province's staff, save shifts, and read them back with names", async () => {
    const day = await person("เจ้าหน้าที่ กลางวัน", "staff");
    const head = await person("หัวหน้าเวร", "staff");
    await person("เจ้าหน้าที่ กรุงเทพ", "staff", BANGKOK);
    await person("ศูนย์ 1300", "staff", null);
    await person("อพม. สมศรี", "volunteer");

    const empty = await callApi("/staff/duty", { idToken: day.idToken });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      rosterId: "50",
      shifts: [],
      staff: [
        { userId: day.userId, name: day.name },
        { userId: head.userId, name: head.name },
      ].sort((a, b) => a.name.localeCompare(b.name, "th")),
      onDutyNow: { primary: [], backup: [] },
    });

    const saved = await putRoster(day.idToken, [
      {
        days: [5, 1, 3],
        from: "08:30",
        to: "16:30",
        userId: day.userId,
        backupUserId: head.userId,
      },
      { from: "00:00", to: "00:00", userId: head.userId },
    ]);
    expect(saved.status).toBe(200);
    const shifts = [
      {
        days: [1, 3, 5],
        from: "08:30",
        to: "16:30",
        userId: day.userId,
        name: day.name,
        backupUserId: head.userId,
        backupName: head.name,
      },
      {
        days: [],
        from: "00:00",
        to: "00:00",
        userId: head.userId,
        name: head.name,
        backupUserId: null,
        backupName: null,
      },
    ];
    expect(saved.body.shifts).toEqual(shifts);
    // The head is on duty around the clock; whatever the time now, they are on duty.
    expect(saved.body.onDutyNow.primary).toContainEqual({ userId: head.userId, name: head.name });

    const read = await callApi("/staff/duty", { idToken: head.idToken });
    expect(read.status).toBe(200);
    expect(read.body.rosterId).toBe("50");
    expect(read.body.shifts).toEqual(shifts);

    const stored = await storedRoster("50");
    expect(stored?.updatedBy).toBe(day.userId);
    expect(stored?.updatedAt).toBeDefined();
    const audit = await db.collection("audit").where("action", "==", "edit_duty_roster").get();
    expect(audit.docs.map(doc => doc.data())).toEqual([
      expect.objectContaining({ actor: day.userId, role: "staff", target: "duty/50" }),
    ]);
  });

  it("should refuse a staff member of another province as the person on duty or the backup, naming the field", async () => {
    const staff = await person("เจ้าหน้าที่ เชียงใหม่", "staff");
    const bangkok = await person("เจ้าหน้าที่ กรุงเทพ", "staff", BANGKOK);
    const volunteer = await person("อพม. สมศรี", "volunteer");

    const response = await putRoster(staff.idToken, [
      { from: "08:30", to: "16:30", userId: staff.userId, backupUserId: null },
      { from: "16:30", to: "08:30", userId: bangkok.userId, backupUserId: volunteer.userId },
    ]);
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(["shifts[1].userId", "shifts[1].backupUserId"]);
    expect(await storedRoster("50")).toBeUndefined();

    // Nor may one person be their own backup.
    const self = await putRoster(staff.idToken, [
      { from: "08:30", to: "16:30", userId: staff.userId, backupUserId: staff.userId },
    ]);
    expect(self.status).toBe(400);
    expect(fieldsOf(self.body)).toEqual(["shifts[0].backupUserId"]);
  });

  it("should answer 403 to a volunteer and to a citizen, reading or saving", async () => {
    const staff = await person("เจ้าหน้าที่ เชียงใหม่", "staff");
    const volunteer = await person("อพม. สมศรี", "volunteer");
    const citizen = await person("ประชาชน", "citizen");
    const shifts = [{ from: "00:00", to: "00:00", userId: staff.userId }];
    for (const caller of [volunteer, citizen]) {
      expect((await callApi("/staff/duty", { idToken: caller.idToken })).status).toBe(403);
      expect((await putRoster(caller.idToken, shifts)).status).toBe(403);
    }
    expect(await storedRoster("50")).toBeUndefined();
  });

  it("should answer 400 naming the field when a time is not HH:MM", async () => {
    const staff = await person("เจ้าหน้าที่ เชียงใหม่", "staff");
    const response = await putRoster(staff.idToken, [
      { from: "08:30", to: "16:30", userId: staff.userId },
      { days: [1], from: "8.30", to: "24:00", userId: staff.userId },
    ]);
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(["shifts[1].from", "shifts[1].to"]);
    expect(response.body.errors[0].message).toMatch(/HH:MM/);
    const badDay = await putRoster(staff.idToken, [
      { days: [7], from: "08:30", to: "16:30", userId: staff.userId },
    ]);
    expect(badDay.status).toBe(400);
    expect(fieldsOf(badDay.body)).toEqual(["shifts[0].days[0]"]);
    expect(await storedRoster("50")).toBeUndefined();
  });

  it("should store the roster so that onDuty, reading it back, finds the people on duty", async () => {
    const day = await person("เจ้าหน้าที่ กลางวัน", "staff");
    const night = await person("เจ้าหน้าที่ กลางคืน", "staff");
    const head = await person("หัวหน้าเวร", "staff");
    const saved = await putRoster(day.idToken, [
      {
        days: [1, 2, 3, 4, 5],
        from: "08:30",
        to: "16:30",
        userId: day.userId,
        backupUserId: head.userId,
      },
      { from: "16:30", to: "08:30", userId: night.userId, backupUserId: head.userId },
    ]);
    expect(saved.status).toBe(200);

    const roster = await readRoster(db, "50");
    // 2026-12-01 is a Tuesday.
    expect(onDuty(roster, bangkok("2026-12-01T10:00:00"))).toEqual({
      primary: [day.userId],
      backup: [head.userId],
    });
    expect(onDuty(roster, bangkok("2026-12-02T02:00:00"))).toEqual({
      primary: [night.userId],
      backup: [head.userId],
    });
    // And the API says who is on duty now as onDuty does.
    const now = onDuty(roster, new Date());
    const read = await callApi("/staff/duty", { idToken: head.idToken });
    const ids = (people: { userId: string }[]) => people.map(p => p.userId);
    expect(ids(read.body.onDutyNow.primary)).toEqual(now.primary);
    expect(ids(read.body.onDutyNow.backup)).toEqual(now.backup);
  });

  it("should read a stored roster that no longer fits the schema as empty, and let staff save over it", async () => {
    const staff = await person("เจ้าหน้าที่ เชียงใหม่", "staff");
    await db
      .collection("duty")
      .doc("50")
      .set({ shifts: [{ from: "8 โมง", userId: staff.userId }] });
    expect((await readRoster(db, "50")).shifts).toEqual([]);
    const read = await callApi("/staff/duty", { idToken: staff.idToken });
    expect(read.status).toBe(200);
    expect(read.body.shifts).toEqual([]);
    const saved = await putRoster(staff.idToken, [
      { from: "08:00", to: "17:00", userId: staff.userId },
    ]);
    expect(saved.status).toBe(200);
    expect((await readRoster(db, "50")).shifts).toHaveLength(1);
  });

  it("should give the 1300 centre the national roster of staff with no area, and an admin any province's on request", async () => {
    const centre = await person("ศูนย์ช่วยเหลือสังคม 1300", "staff", null);
    const chiangMai = await person("เจ้าหน้าที่ เชียงใหม่", "staff");
    const admin = await person("ผู้ดูแลระบบ", "admin", null);

    const national = await callApi("/staff/duty", { idToken: centre.idToken });
    expect(national.status).toBe(200);
    expect(national.body.rosterId).toBe("national");
    expect(national.body.staff).toEqual([{ userId: centre.userId, name: centre.name }]);
    const refused = await putRoster(centre.idToken, [
      { from: "00:00", to: "00:00", userId: chiangMai.userId },
    ]);
    expect(fieldsOf(refused.body)).toEqual(["shifts[0].userId"]);
    expect(
      (await putRoster(centre.idToken, [{ from: "00:00", to: "00:00", userId: centre.userId }]))
        .status,
    ).toBe(200);
    expect((await readRoster(db, "national")).shifts).toHaveLength(1);

    // Staff keep to their own roster; an admin may open any.
    expect((await callApi("/staff/duty?province=10", { idToken: chiangMai.idToken })).status).toBe(
      403,
    );
    const asAdmin = await putRoster(
      admin.idToken,
      [{ from: "00:00", to: "00:00", userId: chiangMai.userId }],
      "?province=50",
    );
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.rosterId).toBe("50");
    expect((await callApi("/staff/duty", { idToken: chiangMai.idToken })).body.shifts).toEqual([
      expect.objectContaining({ userId: chiangMai.userId, name: chiangMai.name }),
    ]);
    expect((await callApi("/staff/duty?province=bangkok", { idToken: admin.idToken })).status).toBe(
      400,
    );
  });
});
