import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { seedCase } from "../support/accounts";
import { testFirestore } from "../support/emulator";
import {
  liffUrl,
  volunteerPhoneSession,
  screenshot,
  seriousAccessibilityProblems,
  type SimulatedUser,
} from "../support/browser";

const db = testFirestore();

let volunteer: SimulatedUser;
const phone = volunteerPhoneSession();
let page: Page;
let context: BrowserContext;
beforeEach(() => {
  ({ page, context, volunteer } = phone);
});

/** Everything the app keeps in this phone's localStorage, key → value. */
function stored(): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from({ length: localStorage.length }, (_, i) => {
        const key = localStorage.key(i)!;
        return [key, localStorage.getItem(key) ?? ""];
      }),
    ),
  );
}

async function personKeys(userId: string): Promise<string[]> {
  return Object.keys(await stored()).filter(key => key.startsWith(`sa.${userId}.`));
}

/** A draft typed on the phone and a submission waiting in the outbox for the case. */
async function leaveWorkOnThePhone(ticket: string) {
  await page.goto(liffUrl(`/cases/${ticket}/assistance`));
  await page.getByRole("heading", { name: "บันทึกการให้ความช่วยเหลือ" }).waitFor();
  await page.getByLabel("มูลค่า (บาท)").fill("500");
  await expect
    .poll(() => personKeys(volunteer.userId))
    .toContain(`sa.${volunteer.userId}.draft.assistance.${ticket}`);
  // A submission queued while offline earlier, waiting to be sent.
  await page.evaluate(
    ([key, ticket]) =>
      localStorage.setItem(
        key!,
        JSON.stringify([
          {
            clientId: "c0ffee00c0ffee00c0ffee00c0ffee00",
            kind: "referral",
            ticket,
            body: { agency: "รพ.สต. ศรีภูมิ", reason: "ต้องพบแพทย์" },
            queuedAt: new Date().toISOString(),
            attempts: 0,
            nextAttemptAt: Date.now() + 3_600_000,
          },
        ]),
      ),
    [`sa.${volunteer.userId}.outbox`, ticket],
  );
}

describe("what a volunteer's phone keeps", () => {
  it("should clear the drafts and the outbox at the next open once an admin disabled the account", async () => {
    const report = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });
    await leaveWorkOnThePhone(report.ticket);
    expect(await personKeys(volunteer.userId)).toEqual(
      expect.arrayContaining([`sa.${volunteer.userId}.outbox`]),
    );

    await db.collection("users").doc(volunteer.userId).update({ disabled: true });
    await page.goto(liffUrl("/"));
    await page.getByRole("heading", { name: "บัญชีนี้ถูกระงับการใช้งาน" }).waitFor();
    expect(await personKeys(volunteer.userId)).toEqual([]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "account-disabled");

    // Nothing queued was sent for the disabled account.
    const timeline = await db.collection("cases").doc(report.ticket).collection("timeline").get();
    expect(timeline.size).toBe(0);
  });

  it("should clear the drafts and the outbox when the person signs out", async () => {
    const report = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });
    await leaveWorkOnThePhone(report.ticket);
    await page.locator(".user-menu summary").click();
    await page.getByRole("button", { name: "ออกจากระบบ" }).click();
    await page.getByRole("heading", { name: "ออกจากระบบแล้ว" }).waitFor();
    expect(await personKeys(volunteer.userId)).toEqual([]);
  });

  it("should clear what an earlier person left when someone else opens the app on the phone", async () => {
    await context.addInitScript(() => {
      if (!localStorage.getItem("sa.Uearlier.outbox"))
        localStorage.setItem("sa.Uearlier.outbox", "[]");
    });
    await page.goto(liffUrl("/"));
    await page.getByRole("heading", { name: "เรื่องของฉัน" }).waitFor();
    await expect.poll(async () => Object.keys(await stored())).not.toContain("sa.Uearlier.outbox");
  });

  it("should never keep case lists, case details or case photos on the phone", async () => {
    const report = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });
    await page.goto(liffUrl("/"));
    await page.locator(`a[href="/cases/${report.ticket}"]`).click();
    await page.getByText(report.description).waitFor();

    const everything = JSON.stringify(await stored());
    expect(everything).not.toContain(report.ticket);
    expect(everything).not.toContain(report.description);
    const offlineCaches = await page.evaluate(async () => ({
      workers: (await navigator.serviceWorker?.getRegistrations())?.length ?? 0,
      caches: (await caches.keys()).length,
    }));
    expect(offlineCaches).toEqual({ workers: 0, caches: 0 });
  });
});

describe("a returning person's home screen", () => {
  it("should bring a volunteer's cases with who they are, in one request, and none once suspended", async () => {
    const report = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });
    const caseRow = page.locator(`a[href="/cases/${report.ticket}"]`);
    const asked: string[] = [];
    page.on("request", request => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith("/api/")) asked.push(pathname);
    });
    await page.goto(liffUrl("/"));
    await caseRow.waitFor();
    // Who I am, the cases and the households to visit: one round trip on a slow link.
    expect(asked).toEqual(["/api/home"]);

    // Opened again, the home starts from the role kept on the phone; still one request.
    asked.length = 0;
    await page.reload();
    await caseRow.waitFor();
    expect(asked).toEqual(["/api/home"]);

    // Suspended since: the role kept on the phone still says volunteer, but the server decides.
    await db.collection("users").doc(volunteer.userId).update({ registration: "suspended" });
    const answers: number[] = [];
    page.on("response", response => {
      if (new URL(response.url()).pathname === "/api/cases") answers.push(response.status());
    });
    await page.reload();
    await page.getByRole("heading", { name: "ยังไม่ได้รับการอนุมัติ" }).waitFor();
    expect(answers.every(status => status >= 400)).toBe(true);
    expect(await caseRow.count()).toBe(0);
  });
});
