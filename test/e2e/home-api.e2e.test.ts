import { beforeEach, describe, expect, it } from "vitest";
import { callApi, CHIANG_MAI_SI_PHUM, grantRole, lineUser, seedCase } from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";

beforeEach(async () => {
  await clearFirestore();
});

/**
 * GET /home answers "who am I" with what the home screen asks for next, so a phone on a slow
 * link waits one round trip for its home. What it carries must be exactly what those GETs
 * answer for the same caller: never more, whoever asks.
 */
describe("GET /home", () => {
  it("should carry an approved volunteer's cases and households, as GET /cases and /households answer", async () => {
    const volunteer = await lineUser("อพม. สมใจ");
    await grantRole(volunteer.userId, "volunteer", CHIANG_MAI_SI_PHUM, "อพม. สมใจ");
    const mine = await seedCase({ assignee: { userId: volunteer.userId, name: "อพม. สมใจ" } });
    await seedCase({ assignee: { userId: "Usomeoneelse", name: "อพม. อื่น" } });
    const idToken = volunteer.idToken;

    const home = await callApi("/home", { idToken });
    expect(home.status).toBe(200);
    expect(home.body.me).toEqual((await callApi("/me", { idToken })).body);
    expect(Object.keys(home.body.answers).sort()).toEqual(["/api/cases", "/api/households"]);
    expect(home.body.answers["/api/cases"]).toEqual((await callApi("/cases", { idToken })).body);
    expect(home.body.answers["/api/cases"].cases.map((c: { ticket: string }) => c.ticket)).toEqual([
      mine.ticket,
    ]);
    expect(home.body.answers["/api/households"]).toEqual(
      (await callApi("/households", { idToken })).body,
    );
  });

  it("should carry the first page of a staff member's queue, their province's only", async () => {
    const staff = await lineUser("เจ้าหน้าที่ สมชาย");
    await grantRole(staff.userId, "staff", CHIANG_MAI_SI_PHUM);
    const waiting = await seedCase({ status: "new" });
    await seedCase({
      status: "new",
      location: {
        point: { latitude: 13.75, longitude: 100.49 },
        area: { provinceCode: "10", province: "กรุงเทพมหานคร", provinceEn: "Bangkok" },
      },
    });

    const home = await callApi("/home", { idToken: staff.idToken });
    expect(home.body.me).toMatchObject({ role: "staff" });
    expect(Object.keys(home.body.answers)).toEqual(["/api/staff/queue"]);
    const queue = home.body.answers["/api/staff/queue"];
    expect(queue).toEqual((await callApi("/staff/queue", { idToken: staff.idToken })).body);
    expect(queue.cases.map((c: { ticket: string }) => c.ticket)).toEqual([waiting.ticket]);
  });

  it("should carry nothing for a citizen or a suspended volunteer", async () => {
    const citizen = await lineUser("ประชาชน");
    const citizenHome = await callApi("/home", { idToken: citizen.idToken });
    expect(citizenHome.body).toMatchObject({ me: { role: "citizen" }, answers: {} });

    const suspended = await lineUser("อพม. ถูกระงับ");
    await grantRole(suspended.userId, "volunteer");
    await seedCase({ assignee: { userId: suspended.userId, name: "อพม. ถูกระงับ" } });
    await testFirestore()
      .collection("users")
      .doc(suspended.userId)
      .update({ registration: "suspended" });
    const home = await callApi("/home", { idToken: suspended.idToken });
    expect(home.body).toMatchObject({ me: { registration: "suspended" }, answers: {} });
    expect((await callApi("/cases", { idToken: suspended.idToken })).status).toBe(403);
  });
});
