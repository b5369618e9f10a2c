import { beforeEach, describe, expect, it } from "vitest";
import {
  BANGKOK_PHRA_NAKHON,
  CHIANG_MAI_SI_PHUM,
  callApi,
  grantRole,
  lineUser,
  seedCase,
} from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";
import { householdList, householdVisit, importList } from "../support/households";
import { FAULTS } from "../fixtures/households/generate";

const db = testFirestore();
const FAULTY = "target-households-faulty.csv";
const CORRECTED = "target-households-corrected.csv";

async function staffOf(area = CHIANG_MAI_SI_PHUM) {
  const staff = await lineUser("เจ้าหน้าที่");
  await grantRole(staff.userId, "staff", area);
  return staff;
}

const householdCount = async () => (await db.collection("households").count().get()).data().count;

beforeEach(async () => {
  await clearFirestore();
});

describe("importing a target-household list", { timeout: 120_000 }, () => {
  it("should report every fault before writing anything, then import the rest once", async () => {
    const { idToken, userId } = await staffOf();
    const preview = await callApi("/staff/households/import/preview", {
      idToken,
      body: householdList(FAULTY),
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rowCount: 202, validCount: 196, problemCount: 6 });
    expect(preview.body.problems).toContainEqual(
      expect.objectContaining({
        row: FAULTS.misspeltSubDistrict.row,
        column: "ตำบล",
        suggestion: FAULTS.misspeltSubDistrict.meant,
      }),
    );
    expect(await householdCount()).toBe(0);

    const first = await importList(idToken, FAULTY, "import-first-1");
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "done", created: 196, updated: 0, skipped: 6 });
    const again = await importList(idToken, FAULTY, "import-first-1");
    expect(again.body).toMatchObject({ status: "done", created: 196 });

    const corrected = await importList(idToken, CORRECTED, "import-corrected-1");
    expect(corrected.body).toMatchObject({ created: 4, updated: 196, skipped: 0 });
    expect(await householdCount()).toBe(200);

    const job = await callApi("/staff/households/import/import-corrected-1", { idToken });
    expect(job.body).toMatchObject({ status: "done", written: 200, total: 200 });
    const audit = await db.collection("audit").where("actor", "==", userId).get();
    expect(audit.docs.map(d => d.data().action)).toEqual(
      expect.arrayContaining(["import_households", "import_households"]),
    );
  });

  it("should keep a household's visit when the list is imported again", async () => {
    const { idToken } = await staffOf();
    await importList(idToken, CORRECTED, "import-keep-1");
    const volunteer = await lineUser("อพม.");
    await grantRole(volunteer.userId, "volunteer");
    await callApi("/staff/households/assign", {
      idToken,
      body: { subDistrictCode: "500101", village: 1, volunteerUserId: volunteer.userId },
    });
    const visited = await callApi("/households/50-CM68-0001/visits", {
      idToken: volunteer.idToken,
      body: householdVisit("visit-keep-1"),
    });
    expect(visited.status).toBe(201);
    await importList(idToken, CORRECTED, "import-keep-2");
    const household = (await db.collection("households").doc("50-CM68-0001").get()).data()!;
    expect(household.assignee.userId).toBe(volunteer.userId);
    expect(household.lastVisit.id).toBe("visit-keep-1");
    expect(household.needs).toMatchObject({ health: true, income: true, living: false });
  });

  it("should import only inside the staff member's province", async () => {
    const bangkok = await staffOf(BANGKOK_PHRA_NAKHON);
    const result = await importList(bangkok.idToken, CORRECTED, "import-bkk-1");
    expect(result.body).toMatchObject({ created: 0, skipped: 200 });
    expect(await householdCount()).toBe(0);

    const chiangMai = await staffOf();
    const other = await callApi("/staff/households/import/import-bkk-1", {
      idToken: chiangMai.idToken,
    });
    expect(other.status).toBe(404);

    const volunteer = await lineUser("อพม.");
    await grantRole(volunteer.userId, "volunteer");
    const refused = await importList(volunteer.idToken, CORRECTED, "import-vol-1");
    expect(refused.status).toBe(403);
  });

  it("should refuse a file that is no list with a 400 naming it", async () => {
    const { idToken } = await staffOf();
    const bad = await callApi("/staff/households/import/preview", {
      idToken,
      body: {
        fileName: "x.xlsx",
        content: Buffer.from("PK\u0003\u0004broken", "latin1").toString("base64"),
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("unreadable_file");
  });
});

describe("households and cases", { timeout: 120_000 }, () => {
  it("should show on a case the target household reported at the same address", async () => {
    const staff = await staffOf();
    await importList(staff.idToken, CORRECTED, "import-link-1");
    const at = (typed: string) =>
      seedCase({ location: { typed, area: CHIANG_MAI_SI_PHUM }, status: "new" });
    const matching = await at("บ้านเลขที่ ๑/๑ หมู่ ๑ ต.ศรีภูมิ อ.เมืองเชียงใหม่");
    const otherVillage = await at("1/1 หมู่ 9 ต.ศรีภูมิ");
    const shown = await callApi(`/cases/${matching.ticket}`, { idToken: staff.idToken });
    expect(shown.body.household).toMatchObject({ id: "50-CM68-0001", householdId: "CM68-0001" });
    const none = await callApi(`/cases/${otherVillage.ticket}`, { idToken: staff.idToken });
    expect(none.body.household).toBeNull();
  });
});

describe("visit rounds", { timeout: 120_000 }, () => {
  it("should give a village to a volunteer of that sub-district only, and count the visits, a case's too", async () => {
    const staff = await staffOf();
    await importList(staff.idToken, CORRECTED, "import-round-1");
    const volunteer = await lineUser("อพม. ศรีภูมิ");
    await grantRole(volunteer.userId, "volunteer");
    const elsewhere = await lineUser("อพม. ที่อื่น");
    await grantRole(elsewhere.userId, "volunteer", {
      ...CHIANG_MAI_SI_PHUM,
      subDistrictCode: "500102",
      subDistrict: "พระสิงห์",
    });

    const wrong = await callApi("/staff/households/assign", {
      idToken: staff.idToken,
      body: { subDistrictCode: "500101", village: 2, volunteerUserId: elsewhere.userId },
    });
    expect(wrong.status).toBe(400);
    const assigned = await callApi("/staff/households/assign", {
      idToken: staff.idToken,
      body: { subDistrictCode: "500101", village: 2, volunteerUserId: volunteer.userId },
    });
    expect(assigned.body).toEqual({ assigned: 25 });

    const mine = await callApi("/households", { idToken: volunteer.idToken });
    expect(mine.body.households).toHaveLength(25);
    expect(mine.body.households.every((h: { village: number }) => h.village === 2)).toBe(true);
    const target = mine.body.households[0].id;

    const notTheirs = await callApi(`/households/${target}/visits`, {
      idToken: elsewhere.idToken,
      body: householdVisit("visit-other-1"),
    });
    expect(notTheirs.status).toBe(403);
    const first = await callApi(`/households/${target}/visits`, {
      idToken: volunteer.idToken,
      body: householdVisit("visit-round-1"),
    });
    const retry = await callApi(`/households/${target}/visits`, {
      idToken: volunteer.idToken,
      body: householdVisit("visit-round-1"),
    });
    expect([first.status, retry.status]).toEqual([201, 200]);

    const own = await callApi("/households", { idToken: volunteer.idToken });
    expect(own.body.progress).toEqual({ total: 25, visited: 1, needsFound: 1 });
    const progress = await callApi("/staff/households/progress", { idToken: staff.idToken });
    expect(progress.body.rows).toContainEqual(
      expect.objectContaining({
        subDistrict: "ศรีภูมิ",
        village: 2,
        total: 25,
        visited: 1,
        remaining: 24,
        needsFound: 1,
      }),
    );
    const csv = await callApi("/staff/households/progress.csv", { idToken: staff.idToken });
    expect(csv.body).toContain("ศรีภูมิ");
    expect(csv.body).toContain("พระสิงห์");

    // A case of the same sub-district, visited twice: its latest finding counts, not the sum.
    // First she is taken for disabled too (old-age and disability allowances), then not (one).
    const assignee = { userId: volunteer.userId, name: "อพม. ศรีภูมิ" };
    const report = await seedCase({ assignee });
    const disabled = householdVisit("visit-case-1");
    disabled.members[0]!.disability = true;
    const caseVisits = [
      await callApi(`/cases/${report.ticket}/visits`, {
        idToken: volunteer.idToken,
        body: disabled,
      }),
      await callApi(`/cases/${report.ticket}/visits`, {
        idToken: volunteer.idToken,
        body: householdVisit("visit-case-2"),
      }),
    ];
    expect(caseVisits.map(v => v.status)).toEqual([201, 201]);
    expect((await db.collection("cases").doc(report.ticket).get()).data()?.benefitsFound).toBe(1);
    // A case known only to its district has no sub-district to count in.
    const { subDistrictCode: _code, subDistrict: _name, ...district } = CHIANG_MAI_SI_PHUM;
    const unplaced = await seedCase({ assignee, location: { area: district } });
    const unplacedVisit = await callApi(`/cases/${unplaced.ticket}/visits`, {
      idToken: volunteer.idToken,
      body: householdVisit("visit-case-3"),
    });
    expect(unplacedVisit.status).toBe(201);

    // The grandmother of 74 on 1,500 baht a month gets no old-age allowance yet: one found, once,
    // at the household and at the case.
    const dashboard = await callApi("/staff/dashboard", { idToken: staff.idToken });
    expect(dashboard.body.benefitsFound).toEqual([
      { subDistrictCode: "500101", subDistrict: "ศรีภูมิ", count: 2 },
    ]);
  });
});
