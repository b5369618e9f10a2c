import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { Area, Case } from "@sa/core";
import { TRANSITIONS } from "@sa/core";
import { CHIANG_MAI_SI_PHUM, grantRole, seedCase } from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";
import { M4A_START } from "../support/media-files";
import { warmUpFunctions } from "../support/warm-up";
import {
  actAs,
  fullPageScreenshot,
  liffUrl,
  newSimulatedUser,
  screenshot,
  scrollsSideways,
  seriousAccessibilityProblems,
  type SimulatedUser,
  phoneSession,
} from "../support/browser";

const CHIANG_MAI: Area = { provinceCode: "50", province: "เชียงใหม่", provinceEn: "Chiang Mai" };
const CHOM_THONG: Area = {
  provinceCode: "50",
  province: "เชียงใหม่",
  provinceEn: "Chiang Mai",
  districtCode: "5002",
  district: "จอมทอง",
};
const BANGKOK: Area = { provinceCode: "10", province: "กรุงเทพมหานคร", provinceEn: "Bangkok" };

const db = testFirestore();
/** The API's first answers come from a cold function: give polls the time a person would wait. */
const SLOW = { timeout: 10_000 };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const minutesFromNow = (minutes: number) => minutesAgo(-minutes);

const phone = phoneSession(() => clearFirestore());
beforeAll(warmUpFunctions);
let context: BrowserContext;
let page: Page;
beforeEach(() => {
  ({ context, page } = phone);
});

/** A LINE user of the stand-in who is staff (or admin) in Firestore; the app starts as them. */
async function signInAs(
  role: "staff" | "admin",
  area: Area | null,
  name: string,
): Promise<SimulatedUser> {
  const user = await newSimulatedUser(name);
  await grantRole(user.userId, role, area, name);
  await actAs(context, user);
  return user;
}

async function approvedVolunteer(name: string, area: Area = CHIANG_MAI_SI_PHUM) {
  const user = await newSimulatedUser(name);
  await grantRole(user.userId, "volunteer", area, name);
  return user;
}

/** A new report; `dueInMinutes` below zero makes it overdue for acknowledgement. */
function newReport(dueInMinutes: number, overrides: Partial<Case> = {}): Promise<Case> {
  return seedCase({
    status: "new",
    routing: {
      source: "50",
      recipients: [],
      escalation: [],
      ackDueAt: minutesFromNow(dueInMinutes),
      escalationLevel: 0,
    },
    ...overrides,
  });
}

async function timelineOf(ticket: string, type: string) {
  const snapshot = await db.collection("cases").doc(ticket).collection("timeline").get();
  return snapshot.docs.map(doc => doc.data()).filter(entry => entry.type === type);
}

const reportOf = async (ticket: string) =>
  (await db.collection("cases").doc(ticket).get()).data() as Case;

describe("the staff pages of the LIFF app", () => {
  it("should show the province's queue overdue first, filter it by status, category and district, and keep other provinces out", async () => {
    await signInAs("staff", CHIANG_MAI, "เจ้าหน้าที่ พมจ.เชียงใหม่");
    // Seeded newest first: the overdue one is the newest, so only the ranking puts it on top.
    const overdue = await newReport(-30, { category: "domestic_violence" });
    const fresh = await newReport(600, { category: "elderly", urgent: true });
    const working = await seedCase({ status: "in_progress", category: "disability" });
    const chomThong = await newReport(600, {
      category: "children_youth",
      location: { area: CHOM_THONG },
    });
    const bangkok = await newReport(-30, { location: { area: BANGKOK } });
    // An overdue case older than a full page (30) of newer cases still opens the queue. These
    // are in Chom Thong, out of the district filter below.
    const longWaiting = await newReport(-120, {
      category: "disability",
      location: { area: CHOM_THONG },
      createdAt: minutesAgo(180),
    });
    const closed = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        seedCase({
          status: "closed",
          location: { area: CHOM_THONG },
          createdAt: minutesAgo(170 - i),
        }),
      ),
    );

    await page.goto(liffUrl("/"));
    await page.getByRole("heading", { name: "คิวเรื่อง จ.เชียงใหม่" }).waitFor();
    const rows = page.locator(".case-list a");
    // Every case waiting for triage, overdue first; then the newest 30 of the others (the
    // case being worked on and 29 closed ones), the oldest closed one behind "older cases".
    await expect
      .poll(queueTickets, SLOW)
      .toEqual([
        longWaiting.ticket,
        overdue.ticket,
        fresh.ticket,
        chomThong.ticket,
        ...closed.slice(1).map(c => c.ticket),
        working.ticket,
      ]);
    expect(await rows.nth(0).textContent()).toContain("เลยกำหนดรับเรื่อง");
    const first = (await rows.nth(1).textContent()) ?? "";
    expect(first).toContain("เลยกำหนดรับเรื่อง");
    expect(first).toContain("ความรุนแรงในครอบครัว");
    expect(first).toContain("ยังไม่ได้มอบหมาย");
    expect(await rows.nth(2).textContent()).toContain("เร่งด่วน");
    await page.getByRole("button", { name: "ดูเรื่องที่เก่ากว่านี้" }).click();
    await expect.poll(async () => (await queueTickets()).at(-1), SLOW).toBe(closed[0]!.ticket);
    expect(await rows.count()).toBe(35);
    expect(await page.locator(".case-list").textContent()).not.toContain(bangkok.ticket);
    expect(await page.getByRole("link", { name: "ตัวเลขสรุป" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "อาสาสมัคร" }).count()).toBe(1);
    // Routing is for admins only.
    expect(await page.getByRole("link", { name: "การส่งเรื่อง" }).count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, "staff-queue");

    await page.getByText("ตัวกรอง", { exact: true }).click();
    await page.getByLabel("สถานะ").selectOption({ label: "กำลังดำเนินการ" });
    await expect.poll(queueTickets, SLOW).toEqual([working.ticket]);
    expect(page.url()).toContain("status=in_progress");

    await page.getByLabel("สถานะ").selectOption({ label: "ทุกสถานะ" });
    await page.getByLabel("ประเภท").selectOption({ label: "เด็กและเยาวชน" });
    await expect.poll(queueTickets, SLOW).toEqual([chomThong.ticket]);

    await page.getByLabel("ประเภท").selectOption({ label: "ทุกประเภท" });
    // The districts of Chiang Mai come from the address directory, loaded when needed.
    const district = page.getByLabel("อำเภอ/เขต");
    await expect.poll(() => district.isEnabled(), SLOW).toBe(true);
    await district.selectOption({ label: "เมืองเชียงใหม่" });
    await expect.poll(queueTickets, SLOW).toEqual([overdue.ticket, fresh.ticket, working.ticket]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "staff-queue-filtered");

    // Back from a case, the filter is still there (it lives in the address).
    await rows.nth(0).click();
    await page.getByRole("heading", { name: /ความรุนแรงในครอบครัว/ }).waitFor();
    await page.goBack();
    await expect.poll(queueTickets, SLOW).toEqual([overdue.ticket, fresh.ticket, working.ticket]);
    expect(await district.inputValue()).toBe("5001");
  }, 60_000);

  it("should open a case from the queue, assign a volunteer (shown in the timeline) and move its status only as the rules allow, once even when retried", async () => {
    await signInAs("staff", CHIANG_MAI, "เจ้าหน้าที่ พมจ.เชียงใหม่");
    const volunteer = await approvedVolunteer("อพม. สมศรี");
    await approvedVolunteer("อพม. กรุงเทพ", { provinceCode: "10", province: "กรุงเทพมหานคร" });
    const report = await newReport(-30);

    await page.goto(liffUrl("/"));
    await page.locator(`a[href="/cases/${report.ticket}"]`).click();
    await page.getByRole("heading", { name: /ผู้สูงอายุ/ }).waitFor();
    await page.getByRole("heading", { name: "การดำเนินการของเจ้าหน้าที่" }).waitFor();
    expect(await page.getByRole("link", { name: "‹ คิวเรื่อง" }).count()).toBe(1);
    // The volunteer's own buttons are not a staff member's.
    expect(await page.getByRole("link", { name: "เยี่ยมบ้าน" }).count()).toBe(0);

    // Only approved volunteers of the case's province are offered.
    const choose = page.getByLabel("อาสาสมัคร (อพม.)");
    await expect.poll(() => choose.isEnabled(), SLOW).toBe(true);
    const offered = await choose.locator("option").allTextContents();
    expect(offered.slice(1)).toEqual(["อพม. สมศรี · ศรีภูมิ"]);
    expect(await statusChoices()).toEqual(expectedMoves("new"));
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await fullPageScreenshot(page, "staff-case");

    await page.getByRole("button", { name: "มอบหมาย" }).click();
    expect(await page.locator("#assign-volunteer-error").textContent()).toContain(
      "กรุณาเลือกอาสาสมัคร",
    );
    await choose.selectOption({ label: "อพม. สมศรี · ศรีภูมิ" });
    await page.getByRole("button", { name: "มอบหมาย" }).click();
    await page.getByText("มอบหมายให้ อพม. สมศรี แล้ว").waitFor();
    await expect
      .poll(() => page.locator(".timeline").textContent(), SLOW)
      .toContain("มอบหมายให้ อพม. สมศรี");
    await expect
      .poll(() => page.locator(".case-badges").textContent(), SLOW)
      .toContain("มอบหมายแล้ว");
    const assigned = await reportOf(report.ticket);
    expect(assigned.status).toBe("assigned");
    expect(assigned.assignee).toEqual({ userId: volunteer.userId, name: "อพม. สมศรี" });
    expect(await timelineOf(report.ticket, "assigned")).toHaveLength(1);

    // An assigned case offers its own next moves.
    await expect.poll(statusChoices, SLOW).toEqual(expectedMoves("assigned"));

    // The answer to the first try is lost on its way back (the server did write it): the
    // second tap sends the same clientId, and the server writes the change once.
    const clientIds: string[] = [];
    await page.route("**/api/cases/*/staff-status", async route => {
      clientIds.push(JSON.parse(route.request().postData() ?? "{}").clientId);
      if (clientIds.length === 1) {
        await route.fetch();
        await route.abort("connectionreset");
      } else await route.continue();
    });
    await page.getByLabel("ช่วยเหลือเรียบร้อย").check();
    await page.getByLabel(/หมายเหตุ/).fill("ส่งถุงยังชีพและประสาน อบต. แล้ว");
    await page.getByRole("button", { name: "บันทึกสถานะ" }).click();
    await page.getByText(/ส่งไม่สำเร็จ/).waitFor();
    await page.getByRole("button", { name: "บันทึกสถานะ" }).click();
    await page.getByText('เปลี่ยนสถานะเป็น "ช่วยเหลือเรียบร้อย" แล้ว').waitFor();
    expect(clientIds).toHaveLength(2);
    expect(clientIds[1]).toBe(clientIds[0]);
    const statusEntries = await timelineOf(report.ticket, "status");
    expect(statusEntries).toHaveLength(1);
    expect(statusEntries[0]!.data).toEqual({
      status: "resolved",
      note: "ส่งถุงยังชีพและประสาน อบต. แล้ว",
    });
    expect((await reportOf(report.ticket)).status).toBe("resolved");
    await expect
      .poll(() => page.locator(".case-badges").textContent(), SLOW)
      .toContain("ช่วยเหลือเรียบร้อย");
    await expect.poll(statusChoices, SLOW).toEqual(expectedMoves("resolved"));
    // A resolved case cannot be assigned until it is reopened.
    expect(await page.getByRole("button", { name: "มอบหมาย" }).count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await fullPageScreenshot(page, "staff-case-after-actions");
  }, 60_000);

  it("should say so, without a crash, when the case moved on before the status change reached the server", async () => {
    await signInAs("staff", CHIANG_MAI, "เจ้าหน้าที่ พมจ.เชียงใหม่");
    const report = await newReport(600);
    await page.goto(liffUrl(`/cases/${report.ticket}`));
    await page.getByLabel("ปิดเรื่องแล้ว").waitFor();
    // Someone else closes it meanwhile; a closed case can only be reopened.
    await db.collection("cases").doc(report.ticket).update({ status: "closed" });
    await page.getByLabel("ส่งต่อหน่วยงานแล้ว").check();
    await page.getByRole("button", { name: "บันทึกสถานะ" }).click();
    await page.getByText("สถานะของเรื่องเปลี่ยนไปแล้ว โปรดเลือกอีกครั้ง").waitFor();
    // The case is shown again as it is now, with the one move a closed case allows.
    await expect.poll(statusChoices, SLOW).toEqual(expectedMoves("closed"));
    expect(await timelineOf(report.ticket, "status")).toHaveLength(0);
  });

  it("should list pending volunteers of the province with an Approve button, and approve one", async () => {
    await signInAs("staff", CHIANG_MAI, "เจ้าหน้าที่ พมจ.เชียงใหม่");
    await approvedVolunteer("อพม. สมศรี");
    const pending = await newSimulatedUser("สมชาย อาสา");
    await db.collection("users").doc(pending.userId).set({
      role: "volunteer",
      registration: "pending",
      name: "สมชาย อาสา",
      phone: "0812345678",
      volunteerNumber: "CM-0099",
      area: CHIANG_MAI_SI_PHUM,
      language: "th",
    });

    await page.goto(liffUrl("/"));
    await page.getByRole("link", { name: "อาสาสมัคร" }).click();
    await page.getByRole("heading", { name: "อาสาสมัคร (อพม.)" }).waitFor();
    await page.getByRole("heading", { name: "รออนุมัติ (1)" }).waitFor();
    expect(
      await page.getByText("เลขทะเบียน CM-0099 · ศรีภูมิ, เมืองเชียงใหม่, เชียงใหม่").count(),
    ).toBe(1);
    expect(await page.getByRole("heading", { name: "อนุมัติแล้ว (1)" }).count()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "staff-volunteers");

    await page.getByRole("button", { name: "อนุมัติ สมชาย อาสา" }).click();
    await page.getByText("อนุมัติ สมชาย อาสา แล้ว").waitFor();
    await page.getByRole("heading", { name: "รออนุมัติ (0)" }).waitFor();
    await page.getByRole("heading", { name: "อนุมัติแล้ว (2)" }).waitFor();
    expect((await db.collection("users").doc(pending.userId).get()).data()?.registration).toBe(
      "approved",
    );
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it("should draw the dashboard's charts with the seeded numbers, say the medians in words, and fit a 320 px phone", async () => {
    await signInAs("staff", CHIANG_MAI, "เจ้าหน้าที่ พมจ.เชียงใหม่");
    const created = minutesAgo(180);
    await newReport(-30);
    await seedCase({ status: "in_progress" });
    await seedCase({
      status: "resolved",
      createdAt: created,
      acknowledgedBy: { userId: "U1", name: "เจ้าหน้าที่", at: minutesAgo(180 - 25) },
      resolvedAt: minutesAgo(180 - 120),
    });
    await newReport(600, { category: "children_youth" });
    await seedCase({ status: "assigned", category: "children_youth" });
    await newReport(-30, { location: { area: BANGKOK } });
    // What household visits counted (households-api.e2e.test.ts writes them): this province's only.
    const counters = db.collection("benefitsFound");
    await counters
      .doc("500101")
      .set({ provinceCode: "50", subDistrictCode: "500101", subDistrict: "ศรีภูมิ", count: 3 });
    await counters
      .doc("100101")
      .set({ provinceCode: "10", subDistrictCode: "100101", subDistrict: "พระบรมฯ", count: 5 });

    await page.goto(liffUrl("/staff/dashboard"));
    await page.getByRole("heading", { name: "ตัวเลขสรุป" }).waitFor();
    const category = page.locator("#chart-category");
    await category.locator("svg.ct-chart-bar").waitFor();
    await page.locator("#chart-status svg.ct-chart-bar").waitFor();
    await page.locator("#chart-week svg.ct-chart-bar").waitFor();

    // One bar per category, most first, each with its number written at its end.
    expect(await category.locator(".ct-bar").count()).toBe(10);
    expect((await topToBottom(category.locator(".ct-label")))[0]).toBe("ผู้สูงอายุ");
    const categoryValues = await topToBottom(category.locator(".ct-bar-value"));
    expect(categoryValues.slice(0, 3)).toEqual(["3", "2", "0"]);
    expect(await category.getAttribute("aria-label")).toContain("ผู้สูงอายุ 3, เด็กและเยาวชน 2");

    const status = page.locator("#chart-status");
    expect(await status.locator(".ct-bar").count()).toBe(8);
    // In lifecycle order: new, acknowledged, assigned, in_progress, referred, resolved, …
    expect(await topToBottom(status.locator(".ct-bar-value"))).toEqual([
      "2",
      "0",
      "1",
      "1",
      "0",
      "1",
      "0",
      "0",
    ]);
    const week = page.locator("#chart-week");
    expect(await week.locator(".ct-bar").count()).toBe(8);
    const weekly = (await topToBottom(week.locator(".ct-bar-value"))).map(Number);
    expect(weekly.reduce((sum, n) => sum + n, 0)).toBe(5);
    expect(weekly.at(-1)).toBeGreaterThan(0);
    const benefits = page.locator("#chart-benefits");
    await benefits.locator("svg.ct-chart-bar").waitFor();
    expect(await topToBottom(benefits.locator(".ct-label"))).toEqual(["ศรีภูมิ"]);
    expect(await topToBottom(benefits.locator(".ct-bar-value"))).toEqual(["3"]);
    await page
      .getByRole("figure", { name: "สิทธิ์ที่พบจากการเยี่ยมบ้านแต่ยังไม่ได้รับ แยกตามตำบล" })
      .waitFor();

    const stats = page.locator(".stats");
    expect(await stats.textContent()).toContain("เรื่องทั้งหมด5");
    expect(await stats.textContent()).toContain("เลยกำหนดรับเรื่อง1");
    await page.getByText("รับเรื่องภายใน 25 นาที (ค่ากลาง)").waitFor();
    await page.getByText("ช่วยเหลือเรียบร้อยภายใน 2 ชั่วโมง (ค่ากลาง)").waitFor();

    // The same numbers as a table, for screen readers and when the chart cannot be drawn.
    await page.locator("#chart-category ~ details summary").click();
    const table = page.getByRole("table", { name: "เรื่องแยกตามประเภท" });
    expect(await table.getByRole("row", { name: "ผู้สูงอายุ 3" }).count()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await fullPageScreenshot(page, "dashboard");
    for (const chart of ["category", "status", "week"])
      await screenshot(page, `dashboard-${chart}`, page.locator(`figure:has(#chart-${chart})`));

    await page.setViewportSize({ width: 320, height: 640 });
    await page.reload();
    await category.locator("svg.ct-chart-bar").waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await fullPageScreenshot(page, "dashboard-320");

    // English on request.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Numbers" }).waitFor();
    await page.getByText("Acknowledged within 25 minutes (median)").waitFor();
    await expect
      .poll(async () => (await topToBottom(category.locator(".ct-label")))[0], SLOW)
      .toBe("Older persons");
  });

  it("should download the filtered cases as a CSV that starts with the byte-order mark", async () => {
    await signInAs("staff", CHIANG_MAI, "เจ้าหน้าที่ พมจ.เชียงใหม่");
    const elderly = await newReport(600, { category: "elderly" });
    const child = await newReport(600, { category: "children_youth" });

    await page.goto(liffUrl("/?category=elderly"));
    await page.getByRole("heading", { name: "คิวเรื่อง จ.เชียงใหม่" }).waitFor();
    await expect.poll(() => page.locator(".case-list a").count(), SLOW).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "ดาวน์โหลด CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8");
    expect(csv).toContain("เลขที่เรื่อง");
    expect(csv).toContain(elderly.ticket);
    expect(csv).not.toContain(child.ticket);
    await page.getByText(/ดาวน์โหลดแล้ว: cases-/).waitFor();
  });

  it("should let staff play a case's voice note, with its length shown, and audit the listening", async () => {
    const staff = await signInAs("staff", CHIANG_MAI, "เจ้าหน้าที่ พมจ.เชียงใหม่");
    const path = "report-photos/r-liff-staff/voice.m4a";
    const file = join(inject("stack").photoDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, M4A_START);
    const report = await newReport(600, {
      media: [{ path, kind: "audio", durationMs: 42_000 }],
    });

    await page.goto(liffUrl(`/cases/${report.ticket}`));
    await page.getByText("เสียง 0:42").waitFor(SLOW);
    // Fetched with the Bearer token and played from a blob URL, as an audio file.
    const audio = page.locator("audio[controls]");
    await expect.poll(() => audio.getAttribute("src"), SLOW).toMatch(/^blob:/);
    const played = await audio.evaluate(async element => {
      const blob = await (await fetch((element as HTMLAudioElement).src)).blob();
      return { type: blob.type, size: blob.size };
    });
    expect(played).toEqual({ type: "audio/mp4", size: M4A_START.length });
    const audit = await db.collection("audit").where("actor", "==", staff.userId).get();
    expect(audit.docs.map(doc => doc.data())).toContainEqual(
      expect.objectContaining({
        action: "read_case_media",
        target: `cases/${report.ticket}`,
        detail: "0",
      }),
    );
  });

  it("should give staff of another province a clear screen for a Chiang Mai case, not its content", async () => {
    await signInAs("staff", BANGKOK, "เจ้าหน้าที่ พมจ.กรุงเทพ");
    const chiangMai = await newReport(600);
    await page.goto(liffUrl(`/cases/${chiangMai.ticket}`));
    await page.getByRole("heading", { name: "เรื่องนี้อยู่นอกพื้นที่ของท่าน" }).waitFor();
    expect(await page.getByText("เรื่องนี้เป็นของจังหวัดอื่น").count()).toBe(1);
    expect(await page.getByText(chiangMai.description).count()).toBe(0);
    expect(await page.getByRole("button", { name: "ลองอีกครั้ง" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "กลับหน้าแรก" }).count()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "staff-case-forbidden");
  });

  it("should let an admin edit a province's routing, refusing user ids that are not LINE's", async () => {
    const admin = await signInAs("admin", null, "ผู้ดูแลระบบ");
    const staff = await newSimulatedUser("เจ้าหน้าที่ พมจ.เชียงใหม่");
    await db
      .collection("routing")
      .doc("50")
      .set({
        staff: [{ userId: staff.userId }],
        escalation: [],
        ackMinutes: { urgent: 15, normal: 1440 },
      });
    await db
      .collection("routing")
      .doc("national")
      .set({ staff: [{ userId: admin.userId }] });

    await page.goto(liffUrl("/"));
    await page.getByRole("heading", { name: "คิวเรื่องทั่วประเทศ" }).waitFor();
    await page.getByRole("link", { name: "การส่งเรื่อง" }).click();
    await page.getByRole("heading", { name: "การส่งเรื่องถึงเจ้าหน้าที่" }).waitFor();
    await page.getByRole("heading", { name: "เชียงใหม่ (50)" }).waitFor();
    expect(await page.locator(".routing-list").textContent()).toContain(
      "ต้องรับเรื่องภายใน: เรื่องด่วน 15 นาที · เรื่องปกติ 1 วัน",
    );
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, "staff-routing");

    await page.getByRole("link", { name: "แก้ไข เชียงใหม่ (50)" }).click();
    await page.getByRole("heading", { name: "การส่งเรื่อง: เชียงใหม่ (50)" }).waitFor();
    expect(await page.getByLabel("LINE user ID").inputValue()).toBe(staff.userId);
    await page.getByRole("button", { name: "เพิ่มเจ้าหน้าที่" }).click();
    await page.locator("#staff-1-user").fill("not-a-line-id");
    await page.locator("#staff-1-categories-domestic_violence").check();
    await page.getByLabel("ผู้ติดต่อยกระดับ").fill(admin.userId);
    await page.getByLabel("เวลารับเรื่องด่วน (นาที)").fill("10");
    await page.getByRole("button", { name: "บันทึก" }).click();
    expect(await page.locator("#staff-1-user-error").textContent()).toContain(
      "LINE user ID ของเจ้าหน้าที่คนที่ 2 ไม่ถูกต้อง",
    );
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await fullPageScreenshot(page, "staff-routing-entry");

    await page.locator("#staff-1-user").fill(admin.userId);
    await page.getByRole("button", { name: "บันทึก" }).click();
    await page.getByText("บันทึกแล้ว").waitFor();
    expect((await db.collection("routing").doc("50").get()).data()).toEqual({
      staff: [
        { userId: staff.userId },
        { userId: admin.userId, categories: ["domestic_violence"] },
      ],
      escalation: [admin.userId],
      ackMinutes: { urgent: 10, normal: 1440 },
    });
  });

  it("should tell staff who are not admins that routing is for admins", async () => {
    await signInAs("staff", CHIANG_MAI, "เจ้าหน้าที่ พมจ.เชียงใหม่");
    await page.goto(liffUrl("/staff/routing"));
    await page.getByRole("heading", { name: "สำหรับผู้ดูแลระบบเท่านั้น" }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});

/** The tickets of the queue as listed, once no new answer is awaited. */
async function queueTickets(): Promise<string[]> {
  if ((await page.locator(".case-list[aria-busy='true']").count()) > 0) return [];
  return page.locator(".case-list .ticket").allTextContents();
}

/** Chartist draws a horizontal chart's rows bottom first: the texts as a person reads them. */
async function topToBottom(texts: Locator): Promise<string[]> {
  return (await texts.allTextContents()).reverse();
}

/** The status choices the case page offers now. */
async function statusChoices(): Promise<string[]> {
  return page.locator("#staff-status label").allTextContents();
}

const STATUS_TH: Record<string, string> = {
  acknowledged: "เจ้าหน้าที่รับเรื่องแล้ว",
  in_progress: "กำลังดำเนินการ",
  referred: "ส่งต่อหน่วยงานแล้ว",
  resolved: "ช่วยเหลือเรียบร้อย",
  closed: "ปิดเรื่องแล้ว",
  reopened: "เปิดเรื่องใหม่อีกครั้ง",
};

/** The server's rules (TRANSITIONS), less "assigned", which the assign form does. */
function expectedMoves(from: keyof typeof TRANSITIONS): string[] {
  return TRANSITIONS[from].filter(to => to !== "assigned").map(to => STATUS_TH[to]!);
}
