import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { clearFirestore, testFirestore } from "../support/emulator";
import {
  actAs,
  liffUrl,
  newSimulatedUser,
  screenshot,
  seriousAccessibilityProblems,
  phoneSession,
} from "../support/browser";

const phone = phoneSession(() => clearFirestore());
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ context, page } = phone);
});

describe("volunteer registration in the LIFF app", () => {
  it("should show an unregistered user the registration form, and 'waiting for approval' once it is sent", async () => {
    const user = await newSimulatedUser("สมชาย อาสา");
    await actAs(context, user);
    await page.goto(liffUrl("/"));
    await page.getByRole("heading", { name: "ลงทะเบียน อพม." }).waitFor();
    expect(await page.getByLabel("ชื่อ-นามสกุล").inputValue()).toBe("สมชาย อาสา");
    expect(await page.locator('a[href="/eligibility"]').count()).toBe(1);

    // Everything wrong or missing: one Thai message per mistake.
    await page.getByLabel("เบอร์โทรศัพท์").fill("12345");
    await page.getByRole("button", { name: "ส่งลงทะเบียน" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("กรุณาแก้ไข 3 รายการ");
    expect(await page.locator("#reg-phone-error").textContent()).toContain(
      "เบอร์โทรศัพท์ไม่ถูกต้อง",
    );
    expect(await page.locator("#reg-subdistrict-error").textContent()).toContain(
      "กรุณาเลือกจังหวัด อำเภอ และตำบลให้ครบ",
    );
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "registration-errors");

    await page.getByLabel("เบอร์โทรศัพท์").fill("๐๘๑-๒๓๔-๕๖๗๘");
    await page.getByLabel("จังหวัด").selectOption({ label: "เชียงใหม่" });
    await expect.poll(() => page.getByLabel("อำเภอ/เขต").isEnabled()).toBe(true);
    await page.getByLabel("อำเภอ/เขต").selectOption({ label: "เมืองเชียงใหม่" });
    await expect.poll(() => page.getByLabel("ตำบล/แขวง").isEnabled()).toBe(true);
    await page.getByLabel("ตำบล/แขวง").selectOption({ label: "ศรีภูมิ" });
    await page.getByLabel("เลขทะเบียน อพม.").fill("อพม-50-0001");
    await page.getByRole("button", { name: "ส่งลงทะเบียน" }).click();

    await page.getByText("รอเจ้าหน้าที่อนุมัติ").waitFor();
    expect(await page.locator("form#registration-form").count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "registration-pending");

    const stored = (await testFirestore().collection("users").doc(user.userId).get()).data();
    expect(stored).toMatchObject({ registration: "pending" });

    // Reopening the app later still says so, and shows no case.
    await page.reload();
    await page.getByText("รอเจ้าหน้าที่อนุมัติ").waitFor();
    expect(await page.locator(".case-list").count()).toBe(0);
  });
});
