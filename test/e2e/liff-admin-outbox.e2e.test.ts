import { randomUUID } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
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

const db = testFirestore();
const SLOW = { timeout: 10_000 };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const phone = phoneSession(() => clearFirestore());
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ context, page } = phone);
});

/** An outbox item as the functions write it, in the state a test needs. */
async function outboxItem(id: string, fields: Record<string, unknown>) {
  await db
    .collection("outbox")
    .doc(id)
    .set({
      to: `U${"1".repeat(32)}`,
      messages: [{ type: "text", text: "ข้อความลับของผู้แจ้ง" }],
      retryKey: randomUUID(),
      reason: "staff.new_case",
      ticket: "691125-AAAAA",
      status: "pending",
      attempts: 0,
      nextAttemptAt: Date.now() + 3_600_000,
      leaseUntil: 0,
      lastError: null,
      createdAt: minutesAgo(1),
      sentAt: null,
      urgent: false,
      urgentFallbackSentAt: null,
      ...fields,
    });
}

describe("the admin's page of undelivered LINE messages", () => {
  it("should list failed and long-pending messages without their text, and queue a failed one again", async () => {
    const admin = await newSimulatedUser("ผู้ดูแลระบบ");
    await grantRole(admin.userId, "admin", null, "ผู้ดูแลระบบ");
    await actAs(context, admin);
    await outboxItem("failed-quota", {
      status: "failed",
      attempts: 3,
      urgent: true,
      lastError: "429 You have reached your monthly limit.",
      urgentFallbackSentAt: minutesAgo(40),
      createdAt: minutesAgo(45),
    });
    await outboxItem("waiting-long", {
      reason: "citizen.resolved",
      ticket: "691125-BBBBB",
      attempts: 2,
      lastError: "503 Service Unavailable",
      createdAt: minutesAgo(20),
    });
    await outboxItem("just-queued", { ticket: "691125-CCCCC" });

    await page.goto(liffUrl("/"));
    await page.getByRole("link", { name: "ข้อความค้างส่ง" }).click(SLOW);
    await page.getByRole("heading", { name: "ข้อความที่ส่งไม่ถึง" }).waitFor();
    const list = page.locator(".outbox-list");
    await list.waitFor(SLOW);
    const text = await list.textContent();
    expect(text).toContain("เรื่อง 691125-AAAAA");
    expect(text).toContain("แจ้งเรื่องใหม่ถึงเจ้าหน้าที่");
    expect(text).toContain("สาเหตุล่าสุด: 429 You have reached your monthly limit.");
    expect(text).toContain("ส่ง SMS แทนแล้ว");
    expect(text).toContain("แจ้งความคืบหน้าถึงผู้แจ้ง");
    expect(text).not.toContain("691125-CCCCC");
    expect(await page.content()).not.toContain("ข้อความลับของผู้แจ้ง");
    expect(await page.locator(".outbox-item").count()).toBe(2);
    // Only the failed one has the button: the pending one is still being retried.
    expect(await page.getByRole("button", { name: /^ส่งอีกครั้ง/ }).count()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "admin-outbox");

    await page.getByRole("button", { name: "ส่งอีกครั้ง: แจ้งเรื่องใหม่ถึงเจ้าหน้าที่" }).click();
    await page.getByText("จะส่งอีกครั้งภายใน 1 นาที").waitFor(SLOW);
    expect((await db.collection("outbox").doc("failed-quota").get()).data()).toMatchObject({
      status: "pending",
      quotaHits: 0,
      maxAttempts: 23,
    });
  });

  it("should tell staff who are not admins that the page is for admins", async () => {
    const staff = await newSimulatedUser("เจ้าหน้าที่");
    await grantRole(staff.userId, "staff");
    await actAs(context, staff);
    await page.goto(liffUrl("/staff/outbox"));
    await page.getByRole("heading", { name: "สำหรับผู้ดูแลระบบเท่านั้น" }).waitFor(SLOW);
    expect(await page.getByRole("link", { name: "ข้อความค้างส่ง" }).count()).toBe(0);
  });
});
