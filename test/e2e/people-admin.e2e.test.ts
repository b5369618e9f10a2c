import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callApi, CHIANG_MAI_SI_PHUM, grantRole, lineUser } from "../support/accounts";
import { visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import { warmUpFunctions } from "../support/warm-up";
import { eventually, received, runSweep } from "../support/line-log";

const db = testFirestore();

async function auditActions(actor: string): Promise<string[]> {
  const snapshot = await db.collection("audit").where("actor", "==", actor).get();
  return snapshot.docs
    .map(doc => doc.data())
    .filter(entry => entry.action !== "sign_in")
    .map(entry => `${entry.action} ${entry.target} ${entry.detail ?? ""}`.trim());
}

/** A volunteer of Chiang Mai who registered and waits for staff. */
async function pendingVolunteer() {
  const volunteer = await lineUser("อพม. รออนุมัติ");
  await grantRole(volunteer.userId, "volunteer");
  await db.collection("users").doc(volunteer.userId).update({ registration: "pending" });
  return volunteer;
}

beforeAll(warmUpFunctions);
beforeEach(async () => {
  await clearFirestore();
});

describe("admins managing staff accounts", () => {
  it("should make someone staff of a province, list them, and audit it", async () => {
    const admin = await lineUser("ผู้ดูแลระบบ");
    await grantRole(admin.userId, "admin", null);
    const newcomer = await lineUser("เจ้าหน้าที่ใหม่");
    expect((await callApi("/staff/queue", { idToken: newcomer.idToken })).status).toBe(403);

    const created = await callApi("/admin/staff", {
      idToken: admin.idToken,
      body: {
        userId: newcomer.userId,
        name: "นางสาวใจดี มีสุข",
        role: "staff",
        scope: { kind: "province", provinceCode: "50" },
      },
    });
    expect(created.status).toBe(201);
    expect((await callApi("/staff/queue", { idToken: newcomer.idToken })).status).toBe(200);

    const people = await callApi("/admin/people", { idToken: admin.idToken });
    expect(people.body.people).toContainEqual({
      userId: newcomer.userId,
      name: "นางสาวใจดี มีสุข",
      role: "staff",
      scope: { kind: "province", provinceCode: "50" },
      disabled: false,
    });
    expect(await auditActions(admin.userId)).toEqual([
      `grant_staff_role users/${newcomer.userId} staff 50`,
    ]);
  });

  it("should refuse staff without a scope, a made-up id, and anyone but an admin", async () => {
    const admin = await lineUser("ผู้ดูแลระบบ");
    await grantRole(admin.userId, "admin", null);
    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(staff.userId, "staff");
    const body = { userId: staff.userId, name: "ก", role: "staff", scope: null };
    const noScope = await callApi("/admin/staff", { idToken: admin.idToken, body });
    expect(noScope).toMatchObject({ status: 400, body: { errors: [{ field: "scope" }] } });
    const badId = await callApi("/admin/staff", {
      idToken: admin.idToken,
      body: { ...body, userId: "Unot-a-line-id", scope: { kind: "national" } },
    });
    expect(badId.status).toBe(400);
    const byStaff = await callApi("/admin/staff", {
      idToken: staff.idToken,
      body: { ...body, scope: { kind: "national" } },
    });
    expect(byStaff.status).toBe(403);
    expect((await callApi("/admin/people", { idToken: staff.idToken })).status).toBe(403);
  });
});

describe("staff deciding on volunteers", () => {
  it("should reject with a reason the volunteer reads in LINE, once, and audit it", async () => {
    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(staff.userId, "staff");
    const volunteer = await pendingVolunteer();

    const noReason = await callApi(`/staff/volunteers/${volunteer.userId}/reject`, {
      idToken: staff.idToken,
      body: {},
    });
    expect(noReason.status).toBe(400);
    const path = `/staff/volunteers/${volunteer.userId}/reject`;
    const body = { reason: "ยังไม่ผ่านการอบรม อพม." };
    const first = await callApi(path, { idToken: staff.idToken, body });
    expect(first.body).toEqual({ userId: volunteer.userId, registration: "rejected" });
    await callApi(path, { idToken: staff.idToken, body });

    // The trigger sends it at once; the sweep sends it if the trigger has not yet.
    await runSweep();
    const told = await eventually(async () => {
      const messages = await received(volunteer.userId);
      return messages.length > 0 && messages;
    });
    expect(visibleText(told[0]!.message)).toContain("ยังไม่ผ่านการอบรม อพม.");
    const pushes = await db.collection("outbox").where("to", "==", volunteer.userId).get();
    expect(pushes.size).toBe(1);
    expect(await auditActions(staff.userId)).toEqual([
      `register_volunteer users/${volunteer.userId} rejected`,
    ]);
    const listed = await callApi("/staff/volunteers", { idToken: staff.idToken });
    expect(listed.body.volunteers).toContainEqual(
      expect.objectContaining({ userId: volunteer.userId, registrationReason: body.reason }),
    );
  });

  it("should suspend an approved volunteer, who then sees no cases and cannot re-register around it", async () => {
    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(staff.userId, "staff");
    const volunteer = await lineUser("อพม.");
    await grantRole(volunteer.userId, "volunteer");
    expect((await callApi("/cases", { idToken: volunteer.idToken })).status).toBe(200);

    const suspended = await callApi(`/staff/volunteers/${volunteer.userId}/suspend`, {
      idToken: staff.idToken,
      body: { reason: "อยู่ระหว่างตรวจสอบเรื่องร้องเรียน" },
    });
    expect(suspended.body.registration).toBe("suspended");
    expect((await callApi("/cases", { idToken: volunteer.idToken })).status).toBe(403);
    const again = await callApi("/volunteers/registration", {
      idToken: volunteer.idToken,
      body: {
        name: "อพม.",
        phone: "0812345678",
        subDistrictCode: CHIANG_MAI_SI_PHUM.subDistrictCode,
        volunteerNumber: "CM-0009",
      },
    });
    expect(again.body.registration).toBe("suspended");

    const approved = await callApi(`/staff/volunteers/${volunteer.userId}/approve`, {
      idToken: staff.idToken,
      body: {},
    });
    expect(approved.body.registration).toBe("approved");
    expect((await callApi("/cases", { idToken: volunteer.idToken })).status).toBe(200);
  });

  it("should keep staff to the volunteers of their own province", async () => {
    const bangkokStaff = await lineUser("เจ้าหน้าที่กรุงเทพ");
    await grantRole(bangkokStaff.userId, "staff", {
      provinceCode: "10",
      province: "กรุงเทพมหานคร",
    });
    const volunteer = await pendingVolunteer();
    const refused = await callApi(`/staff/volunteers/${volunteer.userId}/reject`, {
      idToken: bangkokStaff.idToken,
      body: { reason: "x" },
    });
    expect(refused.status).toBe(403);
    const stored = (await db.collection("users").doc(volunteer.userId).get()).data()!;
    expect(stored.registration).toBe("pending");
  });
});
