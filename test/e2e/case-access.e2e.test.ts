import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, inject, it } from "vitest";
import {
  BANGKOK_PHRA_NAKHON,
  CHIANG_MAI_SI_PHUM,
  callApi,
  grantRole,
  lineUser,
  seedCase,
} from "../support/accounts";
import { ChatUser, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";

/**
 * The findings of issue 9 on access, each as the attack or slip that used to work. Every test
 * here failed on the code before the case service.
 */

const db = testFirestore();

beforeEach(async () => {
  await clearFirestore();
});

async function auditOf(actor: string): Promise<{ action: string; detail?: string }[]> {
  const snapshot = await db.collection("audit").where("actor", "==", actor).get();
  return snapshot.docs.map(doc => doc.data() as { action: string; detail?: string });
}

const PNG_A =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const PNG_B =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

const visit = (clientId: string, photos: string[]) => ({
  clientId,
  visitedAt: "2026-11-25T09:00:00+07:00",
  nextStep: { kind: "none", reason: "ได้รับความช่วยเหลือครบแล้ว" },
  members: [{ age: 70, sex: "male", disability: false, chronicIllness: false }],
  housing: "stable",
  monthlyIncome: 0,
  needs: {
    health: { level: "none" },
    living: { level: "none" },
    education: { level: "none" },
    income: { level: "none" },
    access: { level: "none" },
  },
  photos,
});

/** The visit photo files of a ticket (other test files may have used the same ticket before). */
function visitPhotoFiles(ticket: string): string[] {
  const dir = join(inject("stack").photoDir, "visit-photos", ticket);
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe("province scope fails closed", () => {
  it("should show nothing to staff whose record has no scope or an unreadable one", async () => {
    const report = await seedCase({ status: "new" });
    const noScope = await lineUser("ไม่มีจังหวัด");
    const badScope = await lineUser("จังหวัดเสีย");
    await db
      .collection("users")
      .doc(noScope.userId)
      .set({ role: "staff", registration: "approved", name: "ไม่มีจังหวัด", area: null });
    await db
      .collection("users")
      .doc(badScope.userId)
      .set({
        role: "staff",
        registration: "approved",
        name: "จังหวัดเสีย",
        area: { provinceCode: "เชียงใหม่" },
        scope: { kind: "province", provinceCode: "Chiang Mai" },
      });
    for (const staff of [noScope, badScope]) {
      expect((await callApi(`/cases/${report.ticket}`, { idToken: staff.idToken })).status).toBe(
        403,
      );
      expect((await callApi("/staff/queue", { idToken: staff.idToken })).status).toBe(403);
      expect((await callApi("/staff/export.csv", { idToken: staff.idToken })).status).toBe(403);
      const take = await callApi(`/cases/${report.ticket}/staff-status`, {
        idToken: staff.idToken,
        body: { clientId: "take-00001", status: "acknowledged" },
      });
      expect(take.status).toBe(403);
    }
    expect((await db.collection("cases").doc(report.ticket).get()).data()!.status).toBe("new");
  });

  it("should let staff whose scope is national see every province", async () => {
    const centre = await lineUser("ศูนย์ 1300");
    await grantRole(centre.userId, "staff", null, "ศูนย์ 1300");
    const report = await seedCase({ status: "new" });
    expect((await callApi(`/cases/${report.ticket}`, { idToken: centre.idToken })).status).toBe(
      200,
    );
  });
});

describe("volunteer registration and assignment stay within an area", () => {
  it("should ask for approval again when an approved volunteer registers in another area", async () => {
    const volunteer = await lineUser("อพม. ย้ายบ้าน");
    await grantRole(volunteer.userId, "volunteer", CHIANG_MAI_SI_PHUM, "อพม. ย้ายบ้าน");
    const again = await callApi("/volunteers/registration", {
      idToken: volunteer.idToken,
      body: {
        name: "อพม. ย้ายบ้าน",
        phone: "0812345678",
        subDistrictCode: "100101",
        volunteerNumber: "BKK-0001",
      },
    });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ registration: "pending", area: { provinceCode: "10" } });
    expect((await callApi("/cases", { idToken: volunteer.idToken })).status).toBe(403);
  });

  it("should keep an approved volunteer approved when they re-register in the same sub-district", async () => {
    const volunteer = await lineUser("อพม. เดิม");
    await grantRole(volunteer.userId, "volunteer", CHIANG_MAI_SI_PHUM, "อพม. เดิม");
    const again = await callApi("/volunteers/registration", {
      idToken: volunteer.idToken,
      body: {
        name: "อพม. เดิม",
        phone: "0812345678",
        subDistrictCode: "500101",
        volunteerNumber: "CM-0009",
      },
    });
    expect(again.body.registration).toBe("approved");
  });

  it("should refuse to assign a volunteer of another province, even for the national centre", async () => {
    const staff = await lineUser("เจ้าหน้าที่ เชียงใหม่");
    const centre = await lineUser("ศูนย์ 1300");
    const bangkokVolunteer = await lineUser("อพม. กทม.");
    const localVolunteer = await lineUser("อพม. เชียงใหม่");
    await grantRole(staff.userId, "staff", CHIANG_MAI_SI_PHUM, "เจ้าหน้าที่ เชียงใหม่");
    await grantRole(centre.userId, "staff", null, "ศูนย์ 1300");
    await grantRole(bangkokVolunteer.userId, "volunteer", BANGKOK_PHRA_NAKHON, "อพม. กทม.");
    await grantRole(localVolunteer.userId, "volunteer", CHIANG_MAI_SI_PHUM, "อพม. เชียงใหม่");
    const report = await seedCase({ status: "acknowledged" });

    for (const [i, caller] of [staff, centre].entries()) {
      const refused = await callApi(`/cases/${report.ticket}/assign`, {
        idToken: caller.idToken,
        body: { clientId: `assign-far-${i}`, volunteerUserId: bangkokVolunteer.userId },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].field).toBe("volunteerUserId");
    }
    const stored = (await db.collection("cases").doc(report.ticket).get()).data()!;
    expect(stored.assignee).toBeNull();

    const assigned = await callApi(`/cases/${report.ticket}/assign`, {
      idToken: centre.idToken,
      body: { clientId: "assign-near-1", volunteerUserId: localVolunteer.userId },
    });
    expect(assigned.status).toBe(201);
  });
});

describe("one rule for taking a case, from the staff page and the LINE button", () => {
  it("should answer 409 to the second staff member and keep the first as the owner", async () => {
    const first = await lineUser("สมชาย");
    const second = await lineUser("สมหญิง");
    await grantRole(first.userId, "staff", CHIANG_MAI_SI_PHUM, "สมชาย");
    await grantRole(second.userId, "staff", CHIANG_MAI_SI_PHUM, "สมหญิง");
    const report = await seedCase({ status: "new" });

    const taken = await callApi(`/cases/${report.ticket}/staff-status`, {
      idToken: first.idToken,
      body: { clientId: "take-first-1", status: "acknowledged" },
    });
    expect(taken.status).toBe(201);
    const again = await callApi(`/cases/${report.ticket}/staff-status`, {
      idToken: second.idToken,
      body: { clientId: "take-second-1", status: "acknowledged" },
    });
    expect(again.status).toBe(409);
    const stored = (await db.collection("cases").doc(report.ticket).get()).data()!;
    expect(stored.acknowledgedBy.userId).toBe(first.userId);
  });

  it("should audit a case taken with the LINE button, in the same transaction as the change", async () => {
    const staff = await ChatUser.create();
    await grantRole(staff.userId, "staff", CHIANG_MAI_SI_PHUM, "สมชาย");
    const report = await seedCase({ status: "new" });
    await staff.tap(`a=case.ack&v=${report.ticket}`);
    const stored = (await db.collection("cases").doc(report.ticket).get()).data()!;
    expect(stored.status).toBe("acknowledged");
    expect(await auditOf(staff.userId)).toEqual([
      expect.objectContaining({ action: "write_case", detail: "acknowledged" }),
    ]);
  });
});

describe("visit photos", () => {
  it("should keep the first photos when a visit is re-posted with the same client id", async () => {
    const volunteer = await lineUser("อพม. หนึ่ง");
    await grantRole(volunteer.userId, "volunteer");
    const report = await seedCase({ assignee: { userId: volunteer.userId, name: "อพม. หนึ่ง" } });
    const before = visitPhotoFiles(report.ticket);

    const first = await callApi(`/cases/${report.ticket}/visits`, {
      idToken: volunteer.idToken,
      body: visit("visit-photo-1", [PNG_A]),
    });
    expect(first.status).toBe(201);
    const retry = await callApi(`/cases/${report.ticket}/visits`, {
      idToken: volunteer.idToken,
      body: visit("visit-photo-1", [PNG_B]),
    });
    expect(retry.status).toBe(200);
    const [path] = first.body.entry.data.photos as string[];
    expect(path).not.toContain("visit-photo-1");
    const stored = readFileSync(join(inject("stack").photoDir, path!));
    expect(stored.equals(Buffer.from(PNG_A.split(",")[1]!, "base64"))).toBe(true);
    expect(visitPhotoFiles(report.ticket).filter(f => !before.includes(f))).toHaveLength(1);
  });

  it("should store no photo of a refused visit", async () => {
    const volunteer = await lineUser("อพม. สอง");
    await grantRole(volunteer.userId, "volunteer");
    const report = await seedCase({ assignee: { userId: "Usomeoneelse", name: "คนอื่น" } });
    const before = visitPhotoFiles(report.ticket);
    const refused = await callApi(`/cases/${report.ticket}/visits`, {
      idToken: volunteer.idToken,
      body: visit("visit-photo-2", [PNG_A]),
    });
    expect(refused.status).toBe(403);
    expect(visitPhotoFiles(report.ticket)).toEqual(before);

    // The assigned volunteer, with one good photo and one that is not an image: a 400, no file.
    await db
      .collection("cases")
      .doc(report.ticket)
      .update({ assignee: { userId: volunteer.userId, name: "อพม. สอง" } });
    const bad = await callApi(`/cases/${report.ticket}/visits`, {
      idToken: volunteer.idToken,
      body: visit("visit-photo-3", [PNG_A, "data:text/plain;base64,AAAA"]),
    });
    expect(bad.status).toBe(400);
    expect(visitPhotoFiles(report.ticket)).toEqual(before);
  });
});

describe("ratings", () => {
  it("should take a rating once, after the case is resolved, and answer politely otherwise", async () => {
    const citizen = await ChatUser.create();
    const report = await seedCase({
      status: "in_progress",
      reporter: { lineUserId: citizen.userId, phone: null, language: "th" },
    });
    const ref = db.collection("cases").doc(report.ticket);

    await citizen.tap(`a=case.rating&v=${report.ticket}:1`);
    expect(visibleText((await citizen.newReplies()).at(-1)!)).toContain("เสร็จแล้ว");
    expect((await ref.get()).data()!.feedback).toBeUndefined();

    await ref.update({ status: "resolved" });
    await citizen.tap(`a=case.rating&v=${report.ticket}:4`);
    expect(visibleText((await citizen.newReplies()).at(-1)!)).toContain("ขอบคุณ");
    await citizen.tap(`a=case.rating&v=${report.ticket}:1`);
    expect(visibleText((await citizen.newReplies()).at(-1)!)).toContain("ให้คะแนนเรื่องนี้ไปแล้ว");
    expect((await ref.get()).data()!.feedback).toEqual({ rating: 4 });
  });
});
