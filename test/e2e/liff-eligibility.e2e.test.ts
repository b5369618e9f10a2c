import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { grantRole } from "../support/accounts";
import {
  actAs,
  liffUrl,
  newSimulatedUser,
  screenshot,
  seriousAccessibilityProblems,
  phoneSession,
} from "../support/browser";
import { warmUpFunctions } from "../support/warm-up";

// A cold functions worker on a busy machine must not time out the first page.
beforeAll(warmUpFunctions);
const phone = phoneSession();
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ context, page } = phone);
});

/** Answers the form as a 72-year-old Thai person with no pension who lives at home. */
async function fillForAThaiSeptuagenarian(form: Page) {
  await form.getByLabel("อายุ หรือวันเกิด").fill("72");
  await form.getByRole("group", { name: "สัญชาติ" }).getByLabel("สัญชาติไทย").check();
  await form
    .getByRole("group", {
      name: "ได้รับเงินบำนาญหรือเงินเดือนประจำจากราชการหรือไม่ (ไม่นับเบี้ยความพิการหรือเบี้ยผู้ป่วยเอดส์)",
    })
    .getByLabel("ไม่ใช่")
    .check();
  await form
    .getByRole("group", { name: "พักอาศัยในสถานสงเคราะห์ของรัฐหรือไม่" })
    .getByLabel("ไม่ใช่")
    .check();
}

const oldAgeCard = (form: Page) => form.locator('article[data-benefit="old_age_allowance"]');

describe("the welfare eligibility form in the LIFF app", () => {
  it("should let a new LINE user say who they are, then show a 72-year-old Thai person 700 baht a month of old-age allowance", async () => {
    await page.goto(liffUrl("/eligibility"));
    // The local stack has no LINE app: the app first asks which simulated user this is.
    await expect.poll(() => page.getByRole("heading", { name: "คุณคือใคร" }).count()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "who-am-i");
    await page.getByLabel("ชื่อที่แสดงใน LINE").fill("สมศรี ทดสอบ");
    await page.getByRole("button", { name: "สร้างและใช้งาน" }).click();

    await page.getByRole("heading", { name: "ตรวจสอบสิทธิสวัสดิการ" }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await fillForAThaiSeptuagenarian(page);
    await page.getByRole("button", { name: "ตรวจสอบสิทธิ์" }).click();

    const card = oldAgeCard(page);
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain("น่าจะมีสิทธิ์");
    expect(await card.textContent()).toContain("700 บาท");
    await expect.poll(() => page.locator('a[href="tel:1300"]').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "eligibility-results-th", card);
  });

  it("should name each wrong answer in Thai, beside its field, and check once they are fixed", async () => {
    await actAs(context, await newSimulatedUser("ทดสอบ ผิดพลาด"));
    await page.goto(liffUrl("/eligibility"));
    await page.getByLabel("อายุ หรือวันเกิด").fill("200");
    await page
      .getByRole("group", { name: "มีเด็กในความดูแลหรือไม่" })
      .getByLabel("ใช่", { exact: true })
      .check();
    await page.getByRole("button", { name: "เพิ่มเด็ก" }).click();
    await page.getByLabel("วันเกิด", { exact: true }).fill("31/2/2567");
    await page.getByRole("button", { name: "ตรวจสอบสิทธิ์" }).click();

    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("กรุณาแก้ไข 2 รายการ");
    const age = page.getByLabel("อายุ หรือวันเกิด");
    expect(await age.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#age-error").textContent()).toBe(
      "พิมพ์อายุ 0 ถึง 130 ปี ปีเกิด พ.ศ. หรือวันเกิด วัน/เดือน/ปี",
    );
    expect(await page.locator("#child-0-birthDate-error").textContent()).toContain(
      "วันเกิดของเด็กคนที่ 1 ไม่ถูกต้อง",
    );
    expect(await page.locator("article.result").count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "eligibility-errors");

    // Thai digits and a Buddhist-era date are what people type; both are accepted.
    await age.fill("๗๒");
    await page.getByLabel("วันเกิด", { exact: true }).fill("1/3/2567");
    await page.getByRole("button", { name: "ตรวจสอบสิทธิ์" }).click();
    await page.locator('article[data-benefit="child_support_grant"]').waitFor();
    expect(await page.locator("#age-error").count()).toBe(0);
  });

  it("should ask where each child lives and leave the grant undecided until it is answered", async () => {
    await actAs(context, await newSimulatedUser("ทดสอบ สถานสงเคราะห์"));
    await page.goto(liffUrl("/eligibility"));
    await page.getByLabel("รายได้เฉลี่ยต่อคนต่อปี (บาท)").fill("40000");
    await page
      .getByRole("group", { name: "มีเด็กในความดูแลหรือไม่" })
      .getByLabel("ใช่", { exact: true })
      .check();
    await page.getByRole("button", { name: "เพิ่มเด็ก" }).click();
    await page.getByLabel("วันเกิด", { exact: true }).fill("1/3/2567");
    await page
      .getByRole("group", { name: "เด็กมีสัญชาติไทยหรือไม่" })
      .getByLabel("ใช่", { exact: true })
      .check();
    await page.getByRole("button", { name: "ตรวจสอบสิทธิ์" }).click();
    const grant = page.locator('article[data-benefit="child_support_grant"]');
    await grant.waitFor();
    // Not answered is not "lives at home": the grant waits for the answer and says which.
    await expect.poll(() => grant.textContent()).toContain("ต้องตรวจสอบเพิ่ม");
    expect(await grant.textContent()).toContain("ว่าเด็กคนที่ 1 อยู่ในสถานสงเคราะห์หรือไม่");
    // Each answer names the rule version that decided it.
    expect(await grant.getAttribute("data-version")).toBe("child_support_grant@2018-10-01");

    const careHome = page.getByRole("group", { name: "เด็กอยู่ในสถานสงเคราะห์หรือไม่" });
    await careHome.getByLabel("ใช่", { exact: true }).check();
    await page.getByRole("button", { name: "ตรวจสอบสิทธิ์" }).click();
    await expect.poll(() => grant.textContent()).toContain("ไม่เข้าเกณฑ์");
    expect(await grant.textContent()).toContain("เด็กอยู่ในสถานสงเคราะห์ของรัฐหรือเอกชน");

    await careHome.getByLabel("ไม่ใช่", { exact: true }).check();
    await page.getByRole("button", { name: "ตรวจสอบสิทธิ์" }).click();
    await expect.poll(() => grant.textContent()).toContain("เดือนละ 600 บาท");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it("should switch to English, results included, and keep the answers", async () => {
    await actAs(context, await newSimulatedUser("Test English"));
    await page.goto(liffUrl("/eligibility"));
    await fillForAThaiSeptuagenarian(page);
    await page.getByRole("button", { name: "ตรวจสอบสิทธิ์" }).click();
    await oldAgeCard(page).waitFor();

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Check welfare benefits" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByLabel("Age or date of birth").inputValue()).toBe("72");
    await expect.poll(() => oldAgeCard(page).textContent()).toContain("Likely entitled");
    expect(await oldAgeCard(page).textContent()).toContain("700 baht a month");
    // The verdict and reasons are English; only the regulation's official (Thai) title is not.
    // The verdict is the app's own text; the reasons come back from the API asked again in
    // English, so they arrive a moment later.
    await expect
      .poll(() => oldAgeCard(page).locator(".reasons").textContent())
      .not.toMatch(/[ก-๙]/);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "eligibility-results-en", oldAgeCard(page));

    // The choice is remembered on this phone.
    await page.reload();
    await page.getByRole("heading", { name: "Check welfare benefits" }).waitFor();
    await page.getByRole("button", { name: "ภาษาไทย" }).click();
    await page.getByRole("heading", { name: "ตรวจสอบสิทธิสวัสดิการ" }).waitFor();
  });

  it("should bring the results' heading to the top of the screen after checking", async () => {
    await actAs(context, await newSimulatedUser("ทดสอบ เลื่อนจอ"));
    await page.goto(liffUrl("/eligibility"));
    await fillForAThaiSeptuagenarian(page);
    await page.getByRole("button", { name: "ตรวจสอบสิทธิ์" }).click();
    const heading = page.getByRole("heading", { name: "ผลการตรวจสอบ" });
    await heading.waitFor();
    // Not the middle of the cards: the heading sits at the top of the phone's screen.
    const position = () =>
      heading.evaluate(element => {
        const { top } = element.getBoundingClientRect();
        // A subpixel above 0 is still the top edge.
        return top > -2 && top < window.innerHeight / 4 ? "top" : `at ${top}px`;
      });
    await expect.poll(position).toBe("top");
    await screenshot(page, "eligibility-results-top");
  });

  it("should remember who I am for this tab only, and name the app for a citizen", async () => {
    await page.goto(liffUrl("/eligibility"));
    await page.getByRole("heading", { name: "คุณคือใคร" }).waitFor();
    await page.getByLabel("ชื่อที่แสดงใน LINE").fill("สมหญิง แท็บเดียว");
    await page.getByRole("button", { name: "สร้างและใช้งาน" }).click();
    await page.getByRole("heading", { name: "ตรวจสอบสิทธิสวัสดิการ" }).waitFor();
    await expect.poll(() => page.title()).toBe("ช่วยเหลือสังคม พม.");
    expect(await page.locator(".topbar .brand").textContent()).toBe("ช่วยเหลือสังคม พม.");

    await page.reload();
    await page.getByRole("heading", { name: "ตรวจสอบสิทธิสวัสดิการ" }).waitFor();
    expect(await page.getByRole("heading", { name: "คุณคือใคร" }).count()).toBe(0);

    const otherTab = await context.newPage();
    await otherTab.goto(liffUrl("/eligibility"));
    await otherTab.getByRole("heading", { name: "คุณคือใคร" }).waitFor();
  });

  it("should name the app for a volunteer and for staff", async () => {
    const volunteer = await newSimulatedUser("อพม. ชื่อแอป");
    await grantRole(volunteer.userId, "volunteer");
    await actAs(context, volunteer);
    await page.goto(liffUrl("/"));
    await expect.poll(() => page.title()).toBe("อพม. ช่วยเหลือสังคม");

    const staffPhone = await context.browser()!.newContext();
    const staff = await newSimulatedUser("เจ้าหน้าที่ ชื่อแอป");
    await grantRole(staff.userId, "staff");
    await actAs(staffPhone, staff);
    const staffPage = await staffPhone.newPage();
    await staffPage.goto(liffUrl("/"));
    await expect.poll(() => staffPage.title()).toBe("เจ้าหน้าที่ พม. ช่วยเหลือสังคม");
    await staffPhone.close();
  });
});
