import type { Page } from "playwright-core";
import { bangkokDate } from "@sa/core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedCase } from "../support/accounts";
import { testFirestore } from "../support/emulator";
import {
  liffUrl,
  volunteerPhoneSession,
  screenshot,
  seriousAccessibilityProblems,
  type SimulatedUser,
} from "../support/browser";
import { warmUpFunctions } from "../support/warm-up";

const db = testFirestore();

let volunteer: SimulatedUser;
const phone = volunteerPhoneSession();
let page: Page;
beforeAll(warmUpFunctions);
beforeEach(() => {
  ({ page, volunteer } = phone);
});

async function timelineOf(ticket: string, type: string) {
  const snapshot = await db.collection("cases").doc(ticket).collection("timeline").get();
  return snapshot.docs.map(doc => doc.data()).filter(entry => entry.type === type);
}

async function auditActions(actor: string): Promise<string[]> {
  const snapshot = await db.collection("audit").where("actor", "==", actor).get();
  return snapshot.docs.map(doc => doc.data().action as string);
}

const next = (page: Page) => page.getByRole("button", { name: "ถัดไป" }).click();

describe("benefits found on a household visit", () => {
  it("should show on the review step the allowance a grandmother does not receive, and record the referral on the case's timeline in one tap", async () => {
    const report = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });
    await page.goto(liffUrl(`/cases/${report.ticket}/visit`));
    await page.getByRole("heading", { name: "บันทึกการเยี่ยมบ้าน" }).waitFor();

    // A grandmother of 72 who gets nothing, and a grandfather of 66 who already gets his allowance.
    await page.locator("#member-0-age").fill("72");
    await page.locator("#member-0-sex-female").check();
    await page.getByRole("button", { name: "เพิ่มสมาชิก" }).click();
    await page.locator("#member-1-age").fill("66");
    await page.locator("#member-1-sex-male").check();
    await page.locator("#member-1-receives-old_age_allowance").check();
    await next(page);
    await page.getByLabel("มั่นคง ปลอดภัย").check();
    await page.getByLabel(/รายได้ทั้งครัวเรือนต่อเดือน/).fill("3000");
    await next(page);
    for (const dimension of ["health", "living", "education", "income", "access"]) {
      await page.locator(`#need-${dimension}-none`).check();
    }
    await next(page);
    // The visit ends with its next step: a follow-up in a week.
    await page.getByLabel("นัดเยี่ยมติดตาม", { exact: true }).check();
    await page.getByLabel("วันนัด").fill(bangkokDate(new Date(Date.now() + 7 * 24 * 3_600_000)));
    await next(page);
    await page.getByText("ขั้นตอนที่ 5 จาก 5").waitFor();

    const found = page.locator(".benefits-found");
    await found.getByRole("heading", { name: "สิทธิ์ที่น่าจะได้แต่ยังไม่ได้รับ" }).waitFor();
    const items = found.locator("li");
    // The eligibility API's first answers may come from a cold function worker.
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(1);
    const item = await items.first().textContent();
    expect(item).toContain(
      "สมาชิกคนที่ 1 อายุ 72 ปี: เบี้ยยังชีพผู้สูงอายุ 700 บาท/เดือน — ยังไม่ได้รับ",
    );
    expect(item).toContain("เอกสารที่ใช้:");
    expect(item).toContain("ยื่นขอได้ที่: สำนักงานเทศบาลหรือ อบต.");
    expect(item).not.toContain("สมาชิกคนที่ 2");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "visit-benefits-found");

    await found.getByRole("button", { name: "พาไปยื่นขอ" }).click();
    await found.getByText("บันทึกการพาไปยื่นขอแล้ว").waitFor();
    // Queued on the phone first; the outbox sends it to the server in the background.
    await expect
      .poll(() => timelineOf(report.ticket, "referral"), { timeout: 30_000 })
      .toHaveLength(1);
    const [referral] = await timelineOf(report.ticket, "referral");
    expect(referral!.data).toMatchObject({
      agency: "local_authority",
      benefit: "old_age_allowance",
      reason: "พาไปยื่นขอเบี้ยยังชีพผู้สูงอายุ (สมาชิกคนที่ 1 อายุ 72 ปี)",
    });
    expect(await auditActions(volunteer.userId)).toContain("write_case");

    // The visit saved, the case page lists the benefit from it as already taken to apply.
    await page.getByRole("button", { name: "บันทึก" }).click();
    await page.getByRole("heading", { name: "สิทธิ์ที่น่าจะได้แต่ยังไม่ได้รับ" }).waitFor();
    await expect
      .poll(() => timelineOf(report.ticket, "visit"), { timeout: 30_000 })
      .toHaveLength(1);
    await page.reload();
    const onCase = page.locator(".benefits-found");
    await onCase.getByText(/เบี้ยยังชีพผู้สูงอายุ 700 บาท\/เดือน/).waitFor();
    await onCase.getByText("บันทึกการพาไปยื่นขอแล้ว").waitFor();
    expect(await onCase.getByRole("button", { name: "พาไปยื่นขอ" }).count()).toBe(0);
    expect(await page.locator(".timeline").textContent()).toContain(
      "พาไปยื่นขอเบี้ยยังชีพผู้สูงอายุ",
    );
  }, 60_000);
});
