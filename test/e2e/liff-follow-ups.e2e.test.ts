import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { grantRole } from "../support/accounts";
import {
  actAs,
  liffUrl,
  newSimulatedUser,
  phoneSession,
  screenshot,
  seriousAccessibilityProblems,
} from "../support/browser";
import { clearFirestore } from "../support/emulator";
import { seedFollowUps } from "../support/follow-ups";

/** The api's first answers come from a cold function. */
const SLOW = { timeout: 60_000 };

const phone = phoneSession(() => clearFirestore());
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ context, page } = phone);
});

async function volunteers() {
  const somjai = await newSimulatedUser("อพม. สมใจ");
  const manee = await newSimulatedUser("อพม. มานี");
  await grantRole(somjai.userId, "volunteer", undefined, "อพม. สมใจ");
  await grantRole(manee.userId, "volunteer", undefined, "อพม. มานี");
  const seeded = await seedFollowUps(
    { userId: somjai.userId, name: "อพม. สมใจ" },
    { userId: manee.userId, name: "อพม. มานี" },
  );
  return { somjai, ...seeded };
}

describe("follow-ups past their day in the LIFF app", { timeout: 180_000 }, () => {
  it("should flag them on the volunteer's cases and households to visit", async () => {
    const { somjai, overdueCase, dueToday } = await volunteers();
    await actAs(context, somjai);
    await page.goto(liffUrl("/"));
    const overdueRow = page.locator(`a[href="/cases/${overdueCase.ticket}"]`);
    await overdueRow.waitFor(SLOW);
    expect(await overdueRow.locator(".badge.overdue").textContent()).toBe("เลยกำหนดติดตาม");
    const todayRow = page.locator(`a[href="/cases/${dueToday.ticket}"]`);
    expect(await todayRow.locator(".badge.overdue").count()).toBe(0);

    await page.getByRole("heading", { name: "บ้านที่ต้องเยี่ยม" }).waitFor(SLOW);
    const overdueHouse = page.locator('a[href="/households/50-FU-0001/visit"]');
    await overdueHouse.waitFor(SLOW);
    expect(await overdueHouse.locator(".badge.overdue").textContent()).toBe("เลยกำหนดติดตาม");
    const laterHouse = page.locator('a[href="/households/50-FU-0002/visit"]');
    expect(await laterHouse.locator(".badge.overdue").count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "follow-ups-overdue-volunteer");
  });

  it("should count them per volunteer and sub-district on the staff dashboard, one tap from household progress", async () => {
    await volunteers();
    const staff = await newSimulatedUser("เจ้าหน้าที่ พมจ.เชียงใหม่");
    await grantRole(staff.userId, "staff", undefined, staff.displayName);
    await actAs(context, staff);
    await page.goto(liffUrl("/staff/dashboard"));
    const panel = page.getByRole("region", { name: "นัดเยี่ยมติดตามที่เลยกำหนด" });
    await panel.waitFor(SLOW);
    expect(await panel.getByRole("status").textContent()).toBe("เลยกำหนดติดตาม 4 รายการ");
    const rows = (id: string) =>
      page
        .locator(`#${id} tbody tr`)
        .evaluateAll(trs => trs.map(tr => Array.from(tr.children, cell => cell.textContent)));
    expect(await rows("follow-ups-by-volunteer")).toEqual([
      ["อพม. สมใจ", "3"],
      ["อพม. มานี", "1"],
    ]);
    expect(await rows("follow-ups-by-sub-district")).toEqual([
      ["พระสิงห์", "2"],
      ["ศรีภูมิ", "2"],
    ]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "follow-ups-dashboard");

    await panel.getByRole("link", { name: "ดูความคืบหน้าการเยี่ยมบ้านรายหมู่บ้านและตำบล" }).click();
    await page.getByRole("heading", { name: "ความคืบหน้าการเยี่ยมบ้าน" }).waitFor(SLOW);
  });
});
