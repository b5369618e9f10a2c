import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { grantRole } from "../support/accounts";
import {
  actAs,
  liffUrl,
  newSimulatedUser,
  phoneSession,
  screenshot,
  scrollsSideways,
  seriousAccessibilityProblems,
} from "../support/browser";
import { clearFirestore, testFirestore } from "../support/emulator";
import { warmUpFunctions } from "../support/warm-up";

const db = testFirestore();
// Generous: the page waits on the api function, which a busy machine makes slow.
const SLOW = { timeout: 30_000 };

beforeAll(warmUpFunctions);
const phone = phoneSession(() => clearFirestore());
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ context, page } = phone);
});

describe("the people page", () => {
  it(
    "should let an admin make someone staff and a volunteer be rejected with a reason",
    { timeout: 120_000 },
    async () => {
      const admin = await newSimulatedUser("ผู้ดูแลระบบ");
      await grantRole(admin.userId, "admin", null, "ผู้ดูแลระบบ");
      const newcomer = await newSimulatedUser("เจ้าหน้าที่ใหม่");
      const volunteer = await newSimulatedUser("อพม.");
      await grantRole(volunteer.userId, "volunteer", undefined, "สมหญิง รักดี");
      await db.collection("users").doc(volunteer.userId).update({ registration: "pending" });
      await actAs(context, admin);

      await page.goto(liffUrl("/staff/people"));
      await page.getByRole("heading", { name: "เพิ่มเจ้าหน้าที่" }).waitFor(SLOW);
      await page.getByLabel("LINE user ID").fill(newcomer.userId);
      await page.getByLabel("ชื่อ-นามสกุล").fill("นางสาวใจดี มีสุข");
      await page.getByLabel("รหัสจังหวัด").fill("50");
      await page.getByRole("button", { name: "บันทึก" }).click();
      await page.getByText("เพิ่ม นางสาวใจดี มีสุข แล้ว").waitFor(SLOW);
      await page.getByText("จังหวัดรหัส 50").waitFor(SLOW);
      expect((await db.collection("users").doc(newcomer.userId).get()).data()).toMatchObject({
        role: "staff",
        scope: { kind: "province", provinceCode: "50" },
      });

      const card = page.locator(".volunteer-card", { hasText: "สมหญิง รักดี" });
      await card.getByRole("button", { name: "ไม่อนุมัติ สมหญิง รักดี" }).click(SLOW);
      await page.getByText("กรุณาระบุเหตุผลก่อนค่ะ").waitFor(SLOW);
      await card.getByLabel(/^เหตุผล/).fill("ยังไม่ผ่านการอบรม");
      await card.getByRole("button", { name: "ไม่อนุมัติ สมหญิง รักดี" }).click();
      await card.getByText("เหตุผล: ยังไม่ผ่านการอบรม").waitFor(SLOW);
      expect((await db.collection("users").doc(volunteer.userId).get()).data()).toMatchObject({
        registration: "rejected",
        registrationReason: "ยังไม่ผ่านการอบรม",
      });
      expect(await scrollsSideways(page)).toBe(false);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await screenshot(page, "people-admin");
    },
  );
});
