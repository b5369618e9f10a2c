import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { bangkokDate } from "@sa/core";
import { callApi, CHIANG_MAI_SI_PHUM, grantRole, lineUser } from "../support/accounts";
import {
  actAs,
  liffUrl,
  newSimulatedUser,
  phoneSession,
  screenshot,
  seriousAccessibilityProblems,
} from "../support/browser";
import { clearFirestore, testFirestore } from "../support/emulator";
import { importList } from "../support/households";
import { FAULTS, OTHER_LAYOUT } from "../fixtures/households/generate";

const db = testFirestore();
const FIXTURES = join(import.meta.dirname, "../fixtures/households");
/** The api's first answers come from a cold function, and a list is checked whole. */
const SLOW = { timeout: 60_000 };

const phone = phoneSession(() => clearFirestore());
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ context, page } = phone);
});

/** A user of the stand-in with an ID token for API calls, who can also open the app. */
async function person(displayName: string) {
  return { ...(await lineUser(displayName)), displayName, language: "th" as const };
}

async function chiangMaiStaff() {
  const staff = await person("เจ้าหน้าที่ พมจ.เชียงใหม่");
  await grantRole(staff.userId, "staff", CHIANG_MAI_SI_PHUM, staff.displayName);
  return staff;
}

/** The corrected demo list imported, and village 2 of ศรีภูมิ given to a volunteer there. */
async function villageForVolunteer(name: string) {
  const staff = await chiangMaiStaff();
  expect(
    (await importList(staff.idToken, "target-households-corrected.csv", "liff-hh-1")).status,
  ).toBe(201);
  const volunteer = await person(name);
  await grantRole(volunteer.userId, "volunteer", CHIANG_MAI_SI_PHUM, name);
  return { staff, volunteer };
}

describe("target households in the LIFF app", { timeout: 240_000 }, () => {
  it("should show staff every fault of a list before importing, and update rather than duplicate on the corrected upload", async () => {
    await actAs(context, await chiangMaiStaff());
    await page.goto(liffUrl("/"));
    await page.getByRole("link", { name: "ครัวเรือนเป้าหมาย" }).click();
    await page.getByRole("heading", { name: "นำเข้ารายชื่อครัวเรือน" }).waitFor(SLOW);

    await page
      .getByLabel("เลือกไฟล์รายชื่อ")
      .setInputFiles(join(FIXTURES, "target-households-faulty.csv"));
    await page.getByText("ทั้งหมด 202 แถว · นำเข้าได้ 196 แถว · มีปัญหา 6 จุด").waitFor(SLOW);
    const report = page.getByRole("table", { name: "ผลการตรวจ (ยังไม่ได้บันทึกข้อมูล)" });
    const rowOf = async (row: number) =>
      (
        await report
          .getByRole("row")
          .filter({ has: page.getByRole("cell", { name: String(row), exact: true }) })
          .allTextContents()
      ).join();
    expect(await rowOf(FAULTS.blankSubDistrict)).toContain("ตำบลยังไม่ได้กรอก");
    expect(await rowOf(FAULTS.misspeltSubDistrict.row)).toContain(
      `ไม่พบตำบลนี้ในอำเภอ (${FAULTS.misspeltSubDistrict.typed}) — หมายถึง “${FAULTS.misspeltSubDistrict.meant}” หรือไม่`,
    );
    expect(await rowOf(FAULTS.misspeltSubDistrict2.row)).toContain(
      FAULTS.misspeltSubDistrict2.meant,
    );
    expect(await rowOf(FAULTS.badDate.row)).toContain("วันที่สำรวจวันที่ไม่ถูกต้อง");
    for (const { row, firstRow } of FAULTS.duplicates) {
      expect(await rowOf(row)).toContain(`รหัสครัวเรือนซ้ำกับแถว ${firstRow}`);
    }
    expect((await db.collection("households").count().get()).data().count).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "household-import-report");

    await page.getByRole("button", { name: "นำเข้า 196 ครัวเรือน" }).click();
    await page.getByText("นำเข้าเสร็จแล้ว: เพิ่มใหม่ 196 · ปรับปรุง 0 · ข้าม 6 แถว").waitFor(SLOW);

    await page
      .getByLabel("เลือกไฟล์รายชื่อ")
      .setInputFiles(join(FIXTURES, "target-households-corrected.csv"));
    await page.getByText("ทั้งหมด 200 แถว · นำเข้าได้ 200 แถว · มีปัญหา 0 จุด").waitFor(SLOW);
    await page.getByRole("button", { name: "นำเข้า 200 ครัวเรือน" }).click();
    await page.getByText("นำเข้าเสร็จแล้ว: เพิ่มใหม่ 4 · ปรับปรุง 196 · ข้าม 0 แถว").waitFor(SLOW);
    expect((await db.collection("households").count().get()).data().count).toBe(200);
    const siPhum = page.locator(".progress-table tr.total", { hasText: "ศรีภูมิ" });
    await expect
      .poll(async () => (await siPhum.locator("th, td").allTextContents()).join(" "), SLOW)
      .toBe("ศรีภูมิ 100 0 100 0");
  });

  it("should let staff map the columns of a list laid out differently, then show its report and import it", async () => {
    await actAs(context, await chiangMaiStaff());
    await page.goto(liffUrl("/staff/households"));
    await page.getByRole("heading", { name: "นำเข้ารายชื่อครัวเรือน" }).waitFor(SLOW);
    await page
      .getByLabel("เลือกไฟล์รายชื่อ")
      .setInputFiles(join(FIXTURES, "target-households-other-layout.csv"));

    // Only what the file does not name the template's way is asked, from the file's own headers.
    const mapping = page.getByRole("group", { name: "จับคู่คอลัมน์" });
    await mapping.waitFor(SLOW);
    expect(await mapping.getByRole("combobox").count()).toBe(3);
    for (const [column, header] of Object.entries(OTHER_LAYOUT.mapping)) {
      await mapping.locator(`#map-${column}`).selectOption(header);
    }
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "household-import-mapping");
    await mapping.getByRole("button", { name: "ตรวจอีกครั้ง" }).click();

    const { row, typed, meant } = OTHER_LAYOUT.faultRow;
    await page
      .getByText(
        `ทั้งหมด ${OTHER_LAYOUT.rows} แถว · นำเข้าได้ ${OTHER_LAYOUT.rows - 1} แถว · มีปัญหา 1 จุด`,
      )
      .waitFor(SLOW);
    const report = page.getByRole("table", { name: "ผลการตรวจ (ยังไม่ได้บันทึกข้อมูล)" });
    const faulty = report
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: String(row), exact: true }) });
    expect(await faulty.textContent()).toContain(`(${typed}) — หมายถึง “${meant}” หรือไม่`);
    expect((await db.collection("households").count().get()).data().count).toBe(0);

    await page.getByRole("button", { name: `นำเข้า ${OTHER_LAYOUT.rows - 1} ครัวเรือน` }).click();
    await page
      .getByText(`นำเข้าเสร็จแล้ว: เพิ่มใหม่ ${OTHER_LAYOUT.rows - 1} · ปรับปรุง 0 · ข้าม 1 แถว`)
      .waitFor(SLOW);
    expect((await db.collection("households").count().get()).data().count).toBe(
      OTHER_LAYOUT.rows - 1,
    );
    // Each mapped column landed in its field.
    const first = (await db.collection("households").doc("50-PS-001").get()).data();
    expect(first).toMatchObject({
      householdId: "PS-001",
      houseNumber: "11/3",
      headName: "ประเสริฐ คำมูล",
      area: { subDistrict: "พระสิงห์" },
    });
  });

  it("should let staff give a whole village to a volunteer serving that sub-district", async () => {
    const { staff, volunteer } = await villageForVolunteer("อพม. สมใจ");
    const elsewhere = await newSimulatedUser("อพม. ต่างตำบล");
    await grantRole(
      elsewhere.userId,
      "volunteer",
      { ...CHIANG_MAI_SI_PHUM, subDistrictCode: "500102", subDistrict: "พระสิงห์" },
      "อพม. ต่างตำบล",
    );
    await actAs(context, staff);
    await page.goto(liffUrl("/staff/households"));
    await page.getByRole("heading", { name: "มอบหมายการเยี่ยมบ้าน" }).waitFor(SLOW);

    await page.getByLabel("ตำบล", { exact: true }).selectOption({ label: "ศรีภูมิ" });
    await page.getByLabel("หมู่ที่", { exact: true }).selectOption({ label: "2" });
    // The volunteers of the province come from the API: the choice waits for them.
    const choices = page.getByLabel("อาสาสมัคร", { exact: true }).locator("option");
    await expect
      .poll(() => choices.allTextContents(), SLOW)
      .toEqual(["เลือกอาสาสมัคร", "อพม. สมใจ"]);
    await page.getByLabel("อาสาสมัคร", { exact: true }).selectOption({ label: "อพม. สมใจ" });
    await page.getByRole("button", { name: "มอบหมาย" }).click();
    await page.getByText("มอบหมาย 25 ครัวเรือนให้ อพม. สมใจ แล้ว").waitFor(SLOW);
    await screenshot(page, "household-assign");

    const given = await db
      .collection("households")
      .where("assignee.userId", "==", volunteer.userId)
      .get();
    expect(given.docs.map(d => d.data().village)).toEqual(Array(25).fill(2));
  });

  it("should let a volunteer visit a household from บ้านที่ต้องเยี่ยม and see their progress", async () => {
    const { staff, volunteer } = await villageForVolunteer("อพม. สมใจ");
    await callApi("/staff/households/assign", {
      idToken: staff.idToken,
      body: { subDistrictCode: "500101", village: 2, volunteerUserId: volunteer.userId },
    });
    await actAs(context, volunteer);
    await page.goto(liffUrl("/"));
    await page.getByRole("heading", { name: "บ้านที่ต้องเยี่ยม" }).waitFor(SLOW);
    await page.getByText("เยี่ยมแล้ว 0 จาก 25 บ้าน · พบความต้องการ 0 บ้าน").waitFor(SLOW);

    const first = page.locator(".households-to-visit a").first();
    const head = (await first.locator(".case-row-title").textContent())!;
    await first.click();
    await page.getByRole("heading", { name: `เยี่ยมบ้าน ${head}` }).waitFor(SLOW);
    await page.getByLabel("อายุ (ปี)").fill("74");
    await page.getByLabel("หญิง", { exact: true }).check();
    await page.getByRole("button", { name: "ถัดไป" }).click();
    await page.getByLabel("มั่นคง").check();
    await page.getByLabel(/รายได้ทั้งครัวเรือนต่อเดือน/).fill("1500");
    await page.getByRole("button", { name: "ถัดไป" }).click();
    for (const dimension of ["health", "living", "education", "income", "access"]) {
      await page
        .locator(`#need-${dimension}-${dimension === "income" ? "urgent" : "none"}`)
        .check();
    }
    await page.getByRole("button", { name: "ถัดไป" }).click();
    await page.getByText("ขั้นตอนที่ 4 จาก 5").waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    // A household visit ends with its next step, as a case's does.
    await page.getByLabel("นัดเยี่ยมติดตาม", { exact: true }).check();
    const followUpDate = bangkokDate(new Date(Date.now() + 14 * 24 * 3_600_000));
    await page.getByLabel("วันนัด").fill(followUpDate);
    await page.getByRole("button", { name: "ถัดไป" }).click();
    // The review step lists what she appears to meet; a household has no case to refer on.
    const found = page.locator(".benefits-found li");
    await found.first().waitFor(SLOW);
    expect(await found.allTextContents()).toEqual([
      expect.stringContaining("สมาชิกคนที่ 1 อายุ 74 ปี: เบี้ยยังชีพผู้สูงอายุ 700 บาท/เดือน"),
    ]);
    expect(await page.getByRole("button", { name: "พาไปยื่นขอ" }).count()).toBe(0);
    // The visit reaches the server after the home has asked for the list again (a slow link):
    // the progress follows once it is there.
    await page.route("**/api/households/*/visits", async route => {
      await new Promise(done => setTimeout(done, 1_500));
      await route.continue();
    });
    await page.getByRole("button", { name: "บันทึก" }).click();

    await page.getByText("เยี่ยมแล้ว 1 จาก 25 บ้าน · พบความต้องการ 1 บ้าน").waitFor(SLOW);
    const visited = await db
      .collection("households")
      .where("headName", "==", head)
      .where("assignee.userId", "==", volunteer.userId)
      .get();
    const household = visited.docs.find(d => d.data().lastVisit)!.data();
    expect(household.needs).toEqual({
      health: false,
      living: false,
      education: false,
      income: true,
      access: false,
    });
    // The server found the same, and counts it for the dashboard.
    expect(household.benefitsFound).toBe(1);
    expect(household.followUp).toMatchObject({
      due: followUpDate,
      volunteerUserId: volunteer.userId,
    });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "households-to-visit");
  });
});
