import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { bangkokDate, type Case } from "@sa/core";
import { seedCase } from "../support/accounts";
import { testFirestore } from "../support/emulator";
import {
  liffUrl,
  newSimulatedUser,
  screenshot,
  seriousAccessibilityProblems,
  type SimulatedUser,
  volunteerPhoneSession,
} from "../support/browser";

const PHOTO = join(import.meta.dirname, "../fixtures/photo.png");
const db = testFirestore();

let volunteer: SimulatedUser;
const phone = volunteerPhoneSession();
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ context, page, volunteer } = phone);
});

const assignedTo = (user: SimulatedUser) => ({
  assignee: { userId: user.userId, name: user.displayName },
});

async function timelineOf(ticket: string, type: string) {
  const snapshot = await db.collection("cases").doc(ticket).collection("timeline").get();
  return snapshot.docs.map(doc => doc.data()).filter(entry => entry.type === type);
}

/** A case with one photo in the local photo store, as the webhook would have saved it. */
async function caseWithPhoto(): Promise<Case> {
  const path = "reports/test/photo-0.png";
  const file = join(inject("stack").photoDir, path);
  mkdirSync(dirname(file), { recursive: true });
  copyFileSync(PHOTO, file);
  return seedCase({ ...assignedTo(volunteer), photos: [path] });
}

describe("a volunteer's cases in the LIFF app", () => {
  it("should list my cases urgent first, filter them by status, and show none of anyone else's", async () => {
    const routine = await seedCase({ ...assignedTo(volunteer), category: "elderly" });
    const urgent = await seedCase({
      ...assignedTo(volunteer),
      category: "domestic_violence",
      urgent: true,
    });
    const resolved = await seedCase({ ...assignedTo(volunteer), status: "resolved" });
    const someoneElse = await newSimulatedUser("อพม. คนอื่น");
    const notMine = await seedCase(assignedTo(someoneElse));

    await page.goto(liffUrl("/"));
    await page.getByRole("heading", { name: "เรื่องของฉัน" }).waitFor();
    const rows = page.locator(".case-list a");
    await expect.poll(() => rows.count()).toBe(3);
    const first = (await rows.nth(0).textContent()) ?? "";
    expect(first).toContain(urgent.ticket);
    expect(first).toContain("เร่งด่วน");
    expect(first).toContain("ความรุนแรงในครอบครัว");
    expect(first).toContain("ศรีภูมิ");
    expect(await page.locator(".case-list").textContent()).not.toContain(notMine.ticket);
    expect(await page.locator(".case-list").textContent()).toContain(routine.ticket);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "case-list");

    await page.getByLabel("สถานะ").selectOption({ label: "ช่วยเหลือเรียบร้อย" });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).textContent()).toContain(resolved.ticket);
  });

  it("should open a case with its description, photo, map link, reporter phone and timeline", async () => {
    const report = await caseWithPhoto();
    await page.goto(liffUrl("/"));
    await page.locator(`a[href="/cases/${report.ticket}"]`).click();
    await page.getByRole("heading", { name: /ผู้สูงอายุ/ }).waitFor();

    expect(await page.getByText(report.description).count()).toBe(1);
    expect(await page.getByRole("link", { name: "เปิดแผนที่" }).getAttribute("href")).toBe(
      "https://www.google.com/maps?q=18.79,98.98",
    );
    expect(await page.locator('a[href="tel:0812345678"]').textContent()).toContain("081-234-5678");
    // The photo needs the Bearer token: it is fetched and shown from a blob URL.
    const photo = page.getByRole("img", { name: "รูปที่ 1" });
    await expect.poll(() => photo.getAttribute("src")).toMatch(/^blob:/);
    expect(await photo.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator(".timeline li").count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "case-detail");
  });

  it("should give a clear screen, not a crash, for another volunteer's case", async () => {
    const someoneElse = await newSimulatedUser("อพม. คนอื่น");
    const theirs = await seedCase(assignedTo(someoneElse));
    await page.goto(liffUrl(`/cases/${theirs.ticket}`));
    await page.getByRole("heading", { name: "ไม่ใช่เรื่องที่ท่านรับผิดชอบ" }).waitFor();
    expect(await page.getByText(theirs.description).count()).toBe(0);
    expect(await page.getByRole("link", { name: "กลับหน้าแรก" }).count()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "case-forbidden");
  });

  it("should open the visit form in a dead spot when the case was opened with signal", async () => {
    const report = await seedCase(assignedTo(volunteer));
    // The pages after the first screen are separate downloads, fetched once it had its data.
    const visitFormFetched = page.waitForResponse(response =>
      /\/assets\/visit-form-[\w-]+\.js$/.test(response.url()),
    );
    await page.goto(liffUrl("/"));
    await page.locator(`a[href="/cases/${report.ticket}"]`).click();
    await page.getByRole("link", { name: "เยี่ยมบ้าน" }).waitFor();
    await (await visitFormFetched).finished();

    await context.setOffline(true);
    await page.getByRole("link", { name: "เยี่ยมบ้าน" }).click();
    await page.getByRole("heading", { name: "บันทึกการเยี่ยมบ้าน" }).waitFor();
    expect(await page.getByText("ขั้นตอนที่ 1 จาก 5").count()).toBe(1);
    await context.setOffline(false);
  });

  it("should record a household visit step by step, keep it through a lost connection and a reload, and save it exactly once", async () => {
    const report = await seedCase(assignedTo(volunteer));
    // Open the case once online: the phone keeps a copy to show when the signal goes.
    await page.goto(liffUrl(`/cases/${report.ticket}`));
    await page.getByRole("link", { name: "เยี่ยมบ้าน" }).click();
    await page.getByRole("heading", { name: "บันทึกการเยี่ยมบ้าน" }).waitFor();
    expect(await page.getByText("ขั้นตอนที่ 1 จาก 5").count()).toBe(1);

    // Step 1 with mistakes: no age, no sex, a national ID with a wrong check digit.
    await page.getByLabel(/เลขประจำตัวประชาชน/).fill("1101700203451");
    await page.getByRole("button", { name: "ถัดไป" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("กรุณาแก้ไข 3 รายการ");
    expect(await page.locator("#member-0-age-error").textContent()).toContain(
      "อายุของสมาชิกคนที่ 1",
    );
    expect(await page.locator("#member-0-sex-error").textContent()).toContain(
      "กรุณาเลือกเพศของสมาชิกคนที่ 1",
    );
    expect(await page.locator("#member-0-nationalId-error").textContent()).toContain(
      "เลขประจำตัวประชาชนของสมาชิกคนที่ 1 ไม่ถูกต้อง",
    );
    expect(await page.getByText("ขั้นตอนที่ 1 จาก 5").count()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "visit-step1-errors");

    await page.getByLabel("อายุ (ปี)").fill("81");
    await page.getByLabel("หญิง").check();
    await page.getByLabel("พิการ", { exact: true }).check();
    await page.getByLabel(/เลขประจำตัวประชาชน/).fill("1-1017-00203-45-0");
    await page.getByRole("button", { name: "ถัดไป" }).click();
    await page.getByText("ขั้นตอนที่ 2 จาก 5").waitFor();

    // Step 2, then LINE is closed and opened again: the draft is still there, on this step.
    await page.getByLabel("ต้องซ่อมแซม").check();
    await page.getByLabel(/รายได้ทั้งครัวเรือนต่อเดือน/).fill("3,500");
    await page.reload();
    await page.getByText("ขั้นตอนที่ 2 จาก 5").waitFor();
    expect(await page.getByLabel(/รายได้ทั้งครัวเรือนต่อเดือน/).inputValue()).toBe("3,500");
    await page.getByRole("button", { name: "ถัดไป" }).click();

    // The signal is lost halfway through the visit.
    await context.setOffline(true);
    await page.getByText("ขั้นตอนที่ 3 จาก 5").waitFor();
    await page.getByRole("button", { name: "ถัดไป" }).click();
    expect(await page.locator("#need-health-error").textContent()).toContain("ด้านสุขภาพ");
    for (const [dimension, level] of [
      ["health", "urgent"],
      ["living", "some"],
      ["education", "none"],
      ["income", "urgent"],
      ["access", "some"],
    ] as const) {
      await page.locator(`#need-${dimension}-${level}`).check();
    }
    await page.locator("#need-health-note").fill("ความดันสูง ยาหมด");
    await page.getByRole("button", { name: "ถัดไป" }).click();
    await page.getByText("ขั้นตอนที่ 4 จาก 5").waitFor();
    await page.getByLabel(/บันทึกเพิ่มเติม/).fill("อยู่คนเดียว ลูกไปทำงานกรุงเทพฯ");
    await page.locator('input[type="file"]').setInputFiles(PHOTO);
    const thumbnail = page.getByRole("img", { name: "รูปที่ 1" });
    await expect.poll(() => thumbnail.getAttribute("src")).toMatch(/^data:image\/jpeg;base64,/);
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ latitude: 18.7883, longitude: 98.9853, accuracy: 12 });
    await page.getByRole("button", { name: "บันทึกตำแหน่งปัจจุบัน" }).click();
    await page.getByText(/บันทึกแล้ว: 18.78830/).waitFor();
    // A visit ends with its next step: the form does not go on without one.
    await page.getByRole("button", { name: "ถัดไป" }).click();
    expect(await page.locator("#v-next-step-error").textContent()).toContain(
      "เลือกวันนัดหรือระบุเหตุผล",
    );
    await page.getByLabel("ไม่ต้องติดตาม", { exact: true }).check();
    await page.getByRole("button", { name: "ถัดไป" }).click();
    expect(await page.locator("#v-next-step-error").textContent()).toContain(
      "เลือกวันนัดหรือระบุเหตุผล",
    );
    await page.getByLabel("นัดเยี่ยมติดตาม", { exact: true }).check();
    const followUpDate = bangkokDate(new Date(Date.now() + 7 * 24 * 3_600_000));
    await page.getByLabel("วันนัด").fill(followUpDate);
    await page.getByRole("button", { name: "ถัดไป" }).click();
    await page.getByText("ขั้นตอนที่ 5 จาก 5").waitFor();
    // The review shows every note written, the dimension's own as well as the general one.
    const review = await page.locator(".review").textContent();
    expect(review).toContain("ความดันสูง ยาหมด");
    expect(review).toContain("อยู่คนเดียว ลูกไปทำงานกรุงเทพฯ");
    await screenshot(page, "visit-review");
    await page.getByRole("button", { name: "บันทึก" }).click();

    // Saved on the phone, waiting for a signal; the case shows its saved copy meanwhile.
    await page.getByRole("link", { name: "รอส่ง 1 รายการ" }).waitFor();
    await page.getByRole("heading", { name: "รายการที่รอส่ง" }).waitFor();
    expect(await timelineOf(report.ticket, "visit")).toHaveLength(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "visit-waiting-offline");

    // Back online, the first answer is lost on its way back to the phone (the server did
    // write): the retry carries the same clientId, and the server must not write it again.
    let posts = 0;
    await page.route("**/api/cases/*/visits", async route => {
      posts++;
      if (posts === 1) {
        await route.fetch();
        await route.abort("connectionreset");
      } else await route.continue();
    });
    await context.setOffline(false);
    await expect
      .poll(() => page.getByRole("link", { name: /รอส่ง/ }).count(), { timeout: 20_000 })
      .toBe(0);
    expect(posts).toBe(2);

    const visits = await timelineOf(report.ticket, "visit");
    expect(visits).toHaveLength(1);
    expect(visits[0]!.data).toMatchObject({
      housing: "needs_repair",
      monthlyIncome: 3500,
      members: [{ age: 81, sex: "female", disability: true, nationalId: "1101700203450" }],
      needs: { health: { level: "urgent" } },
      nextStep: { kind: "follow_up", date: followUpDate },
    });
    expect(visits[0]!.data.photos).toHaveLength(1);
    const stored = await db.collection("cases").doc(report.ticket).get();
    expect(stored.data()!.followUp).toEqual({
      due: followUpDate,
      volunteerUserId: volunteer.userId,
      volunteerName: "อพม. สมใจ",
      remindedOn: [],
    });
    await expect
      .poll(() => page.locator(".timeline").textContent())
      .toContain("สมาชิกในครัวเรือน 1 คน");
    // The visit's photo and place show on the case's timeline.
    const timeline = await page.locator(".timeline").textContent();
    expect(timeline).toContain("ถ่ายรูปไว้ 1 รูป");
    expect(timeline).toContain("18.788300,98.985300");
    expect(
      await page.getByRole("link", { name: /ตำแหน่งที่เยี่ยม/ }).getAttribute("href"),
    ).toContain("query=18.788300,98.985300");
    // The photo itself, as a thumbnail fetched with the token (tap opens it), its read audited.
    const visitPhoto = page.locator(".timeline img.photo");
    await expect.poll(() => visitPhoto.getAttribute("src")).toMatch(/^blob:/);
    expect(
      await visitPhoto.evaluate(img => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
    expect(await page.locator(".timeline a:has(img.photo)").getAttribute("href")).toMatch(/^blob:/);
    const audit = await db.collection("audit").where("action", "==", "read_visit_media").get();
    expect(audit.docs.map(doc => doc.data())).toContainEqual(
      expect.objectContaining({
        actor: volunteer.userId,
        target: `cases/${report.ticket}`,
        detail: `${visits[0]!.id}/0`,
      }),
    );
    // The draft is gone: a new visit starts empty.
    await page.goto(liffUrl(`/cases/${report.ticket}/visit`));
    expect(await page.getByLabel("อายุ (ปี)").inputValue()).toBe("");
  }, 60_000);

  it("should log assistance with a Buddhist-era date, refer the case, and mark it resolved", async () => {
    const report = await seedCase(assignedTo(volunteer));
    await page.goto(liffUrl(`/cases/${report.ticket}/assistance`));
    await page.getByRole("heading", { name: "บันทึกการให้ความช่วยเหลือ" }).waitFor();
    await page.getByLabel("วันที่ให้ความช่วยเหลือ").fill("31/2/2569");
    await page.getByRole("button", { name: "บันทึก" }).click();
    expect(await page.locator("#as-date-error").textContent()).toContain("วันที่ไม่ถูกต้อง");
    expect(await page.locator("#as-type-error").textContent()).toContain("กรุณาเลือกประเภท");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByLabel("วันที่ให้ความช่วยเหลือ").fill("20/11/2569");
    await page.getByLabel("ประเภทความช่วยเหลือ").selectOption({ label: "ถุงยังชีพ" });
    await page.getByLabel("มูลค่า (บาท)").fill("500");
    await page.getByLabel("หน่วยงานที่ให้ความช่วยเหลือ").fill("อบต. ศรีภูมิ");
    await page.getByRole("button", { name: "บันทึก" }).click();
    await expect.poll(() => timelineOf(report.ticket, "assistance")).toHaveLength(1);
    expect((await timelineOf(report.ticket, "assistance"))[0]!.data).toMatchObject({
      date: "2026-11-20",
      type: "survival_bag",
      amount: 500,
    });

    await page.getByRole("link", { name: "ส่งต่อหน่วยงาน" }).click();
    await page.getByLabel("หน่วยงานที่ส่งต่อ").selectOption({ label: "โรงพยาบาล" });
    await page.getByLabel("เหตุผลในการส่งต่อ").fill("ต้องพบแพทย์เรื่องแผลกดทับ");
    await page.getByRole("button", { name: "บันทึก" }).click();
    await expect.poll(() => timelineOf(report.ticket, "referral")).toHaveLength(1);

    await page.getByRole("link", { name: "เปลี่ยนสถานะ" }).click();
    await page.getByLabel("ช่วยเหลือเรียบร้อย").check();
    await page.getByRole("button", { name: "บันทึก" }).click();
    await expect
      .poll(async () => (await db.collection("cases").doc(report.ticket).get()).data()?.status)
      .toBe("resolved");
    await expect
      .poll(() => page.locator(".case-badges").textContent())
      .toContain("ช่วยเหลือเรียบร้อย");
    await screenshot(page, "case-after-actions");
  }, 60_000);
});
