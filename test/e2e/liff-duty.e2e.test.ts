import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { dutyRosterSchema, onDuty, type Area } from "@sa/core";
import { grantRole } from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";
import {
  actAs,
  fullPageScreenshot,
  liffUrl,
  newSimulatedUser,
  phoneSession,
  screenshot,
  scrollsSideways,
  seriousAccessibilityProblems,
} from "../support/browser";

const CHIANG_MAI: Area = { provinceCode: "50", province: "เชียงใหม่", provinceEn: "Chiang Mai" };
const BANGKOK: Area = { provinceCode: "10", province: "กรุงเทพมหานคร", provinceEn: "Bangkok" };

const db = testFirestore();
/** The API's first answers come from a cold function: give waits the time a person would wait. */
const SLOW = { timeout: 10_000 };

const phone = phoneSession(() => clearFirestore());
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ context, page } = phone);
});

/** A LINE user of the stand-in who is approved staff of an area. */
async function staffMember(name: string, area: Area | null = CHIANG_MAI) {
  const user = await newSimulatedUser(name);
  await grantRole(user.userId, "staff", area, name);
  return user;
}

async function storedRoster(id: string) {
  return dutyRosterSchema.parse((await db.collection("duty").doc(id).get()).data() ?? {});
}

describe("the duty roster page of the LIFF app", () => {
  it("should let a staff member add a round-the-clock shift from the staff home and then show that person on duty now", async () => {
    const me = await staffMember("เจ้าหน้าที่ พมจ.เชียงใหม่");
    const head = await staffMember("หัวหน้าเวร พมจ.เชียงใหม่");
    await staffMember("เจ้าหน้าที่ พมจ.กรุงเทพ", BANGKOK);
    await actAs(context, me);

    await page.goto(liffUrl("/"));
    await page.getByRole("link", { name: "ตารางเวร" }).click();
    await page.getByRole("heading", { name: "เวรรับแจ้งเหตุด่วน" }).waitFor(SLOW);
    await page.getByText("จังหวัดเชียงใหม่").waitFor();
    await page.getByText("ตอนนี้ไม่มีผู้อยู่เวร เรื่องด่วนจะส่งถึงศูนย์ 1300").waitFor();
    await page.getByText("ยังไม่มีกะเวร").waitFor();

    await page.getByRole("button", { name: "เพิ่มกะเวร" }).click();
    // Only Chiang Mai's staff to choose from.
    const person = page.getByLabel("ผู้อยู่เวร", { exact: true });
    expect(await person.locator("option").allTextContents()).toEqual([
      "— เลือก —",
      "เจ้าหน้าที่ พมจ.เชียงใหม่",
      "หัวหน้าเวร พมจ.เชียงใหม่",
    ]);
    // Nothing filled in: each mistake is said beside its field.
    await page.getByRole("button", { name: "บันทึกกะ" }).click();
    expect(await page.locator("#shift-from-error").textContent()).toBe("กรอกเวลาเริ่ม เช่น 08:30");
    expect(await page.locator("#shift-to-error").textContent()).toBe("กรอกเวลาสิ้นสุด เช่น 16:30");
    expect(await page.locator("#shift-person-error").textContent()).toBe("เลือกผู้อยู่เวร");
    await page.getByRole("heading", { name: "กรุณาแก้ไข 3 รายการ" }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await fullPageScreenshot(page, "staff-duty-errors");

    await page.getByLabel("เริ่ม", { exact: true }).fill("00:00");
    await page.getByLabel("ถึง", { exact: true }).fill("00:00");
    await person.selectOption({ label: "เจ้าหน้าที่ พมจ.เชียงใหม่" });
    await page.getByLabel("ผู้สำรอง").selectOption({ label: "เจ้าหน้าที่ พมจ.เชียงใหม่" });
    await page.getByRole("button", { name: "บันทึกกะ" }).click();
    expect(await page.locator("#shift-backup-error").textContent()).toBe(
      "ผู้สำรองต้องเป็นคนละคนกับผู้อยู่เวร",
    );
    await page.getByLabel("ผู้สำรอง").selectOption({ label: "หัวหน้าเวร พมจ.เชียงใหม่" });
    await page.getByRole("button", { name: "บันทึกกะ" }).click();

    await page.getByText("บันทึกกะเวรแล้ว").waitFor(SLOW);
    const now = page.locator(".on-duty");
    await now.getByRole("listitem").filter({ hasText: "เจ้าหน้าที่ พมจ.เชียงใหม่" }).waitFor();
    await page.getByRole("heading", { name: "กะเวร (1)" }).waitFor();
    const shift = page.locator(".shift");
    expect(await shift.textContent()).toContain("ทุกวัน");
    expect(await shift.textContent()).toContain("ตลอด 24 ชั่วโมง");
    expect(await shift.textContent()).toContain("ผู้สำรอง: หัวหน้าเวร พมจ.เชียงใหม่");
    expect((await storedRoster("50")).shifts).toEqual([
      { days: [], from: "00:00", to: "00:00", userId: me.userId, backupUserId: head.userId },
    ]);
    expect(onDuty(await storedRoster("50"), new Date()).primary).toEqual([me.userId]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, "staff-duty");

    // Reloaded, the page shows the stored roster, not a copy kept on the phone.
    await page.reload();
    await page
      .locator(".on-duty li")
      .filter({ hasText: "เจ้าหน้าที่ พมจ.เชียงใหม่" })
      .waitFor(SLOW);
  });

  it("should edit a shift's days and hours, show them as Thai short day names, remove it, and fit a 320 px phone", async () => {
    const me = await staffMember("เจ้าหน้าที่ พมจ.เชียงใหม่");
    const head = await staffMember("หัวหน้าเวร พมจ.เชียงใหม่");
    await db
      .collection("duty")
      .doc("50")
      .set({
        shifts: [{ days: [], from: "00:00", to: "00:00", userId: head.userId, backupUserId: null }],
      });
    await actAs(context, me);
    await page.setViewportSize({ width: 320, height: 640 });

    await page.goto(liffUrl("/staff/duty"));
    await page.getByRole("heading", { name: "กะเวร (1)" }).waitFor(SLOW);
    await page.getByRole("button", { name: "แก้ไข ทุกวัน ตลอด 24 ชั่วโมง" }).click();
    for (const day of ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์"])
      await page.getByLabel(day, { exact: true }).check();
    await page.getByLabel("เริ่ม", { exact: true }).fill("16:30");
    await page.getByLabel("ถึง", { exact: true }).fill("08:30");
    await page.getByLabel("ผู้อยู่เวร", { exact: true }).selectOption({ label: me.displayName });
    await page.getByLabel("ผู้สำรอง").selectOption({ label: head.displayName });
    expect(await scrollsSideways(page)).toBe(false);
    await fullPageScreenshot(page, "staff-duty-edit-320");
    await page.getByRole("button", { name: "บันทึกกะ" }).click();

    await page.getByText("บันทึกกะเวรแล้ว").waitFor(SLOW);
    const shift = page.locator(".shift");
    expect(await shift.locator(".shift-days").textContent()).toBe("จ. อ. พ. พฤ. ศ.");
    expect(await shift.locator(".shift-hours").textContent()).toBe("16:30–08:30 น. (ข้ามคืน)");
    expect((await storedRoster("50")).shifts).toEqual([
      {
        days: [1, 2, 3, 4, 5],
        from: "16:30",
        to: "08:30",
        userId: me.userId,
        backupUserId: head.userId,
      },
    ]);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await fullPageScreenshot(page, "staff-duty-320");

    await page
      .getByRole("button", { name: "แก้ไข จ. อ. พ. พฤ. ศ. 16:30–08:30 น. (ข้ามคืน)" })
      .click();
    await page.getByRole("button", { name: "ลบกะนี้" }).click();
    await page.getByText("ลบกะเวรแล้ว").waitFor(SLOW);
    await page.getByText("ยังไม่มีกะเวร").waitFor();
    expect((await storedRoster("50")).shifts).toEqual([]);
  });

  it("should tell a volunteer that the duty roster is for staff", async () => {
    const volunteer = await newSimulatedUser("อพม. สมศรี");
    await grantRole(volunteer.userId, "volunteer", CHIANG_MAI, "อพม. สมศรี");
    await actAs(context, volunteer);
    await page.goto(liffUrl("/staff/duty"));
    await page.getByRole("heading", { name: "สำหรับเจ้าหน้าที่เท่านั้น" }).waitFor(SLOW);
    expect(await page.getByRole("link", { name: "ตารางเวร" }).count()).toBe(0);
  });
});
