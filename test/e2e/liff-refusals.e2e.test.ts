import { describe, expect, it } from "vitest";
import { actAs, liffUrl, newSimulatedUser, phoneSession, screenshot } from "../support/browser";

const phone = phoneSession();

describe("what the Thai app says when the server refused something", () => {
  it("should explain a refused submission in Thai, never with the server's English message", async () => {
    const volunteer = await newSimulatedUser("อพม. ถูกปฏิเสธ");
    await actAs(phone.context, volunteer);
    // A referral the server refused earlier (the case had moved on), still on the phone.
    await phone.context.addInitScript(userId => {
      const refused = (status: number, message: string, code?: string) => ({
        clientId: `c0ffee00c0ffee00c0ffee00c0ffee0${status % 10}`,
        kind: "referral",
        ticket: "691125-48213",
        body: { agency: "รพ.สต. ศรีภูมิ", reason: "ต้องพบแพทย์" },
        queuedAt: "2026-11-25T03:00:00Z",
        attempts: 1,
        nextAttemptAt: 0,
        refused: { status, message, ...(code && { code }) },
      });
      localStorage.setItem(
        `sa.${userId}.outbox`,
        JSON.stringify([
          refused(409, "Case cannot move from closed to referred"),
          refused(403, "Account disabled", "account_disabled"),
        ]),
      );
    }, volunteer.userId);
    await phone.page.goto(liffUrl("/outbox"));
    const errors = phone.page.locator(".waiting-list .field-error");
    await expect.poll(() => errors.count()).toBe(2);
    const texts = await errors.allTextContents();
    for (const text of texts) expect(text).not.toMatch(/[A-Za-z]/);
    expect(texts[0]).toContain("เรื่องนี้มีการเปลี่ยนแปลงก่อนหน้า");
    expect(texts[1]).toContain("บัญชีนี้ถูกปิดใช้งานแล้ว");
    await screenshot(phone.page, "outbox-refused-th");
  });
});
