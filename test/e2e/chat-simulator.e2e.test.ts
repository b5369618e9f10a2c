import type { Page } from "playwright-core";
import { describe, expect, it, inject } from "vitest";
import { SIM_PLACES } from "../../dev/src/line-platform/sim-places";
import { phoneSession, screenshot } from "../support/browser";
import type { LoggedMessage } from "../support/chat";

// The chat simulator is the page a developer chats with the bot through (`npm start`): these
// tests drive it in Chromium against the real bot, as a person would.
const phone = phoneSession();

async function openSimulatorAsNewUser(page: Page, name: string): Promise<string> {
  await page.goto(inject("stack").lineUrl);
  // The form is open by itself while the stand-in has no users; "+ ใหม่" opens it otherwise.
  const form = page.locator("#new-user-form");
  const someone = page.locator("#user-select option");
  await expect.poll(async () => (await form.isVisible()) || (await someone.count()) > 0).toBe(true);
  if (!(await form.isVisible())) await page.getByRole("button", { name: "+ ใหม่" }).click();
  await page.getByPlaceholder("ชื่อที่แสดง / display name").fill(name);
  await page.getByRole("button", { name: "สร้าง / create" }).click();
  await expect
    .poll(() => page.locator("#user-select option:checked").textContent())
    .toContain(name);
  return page.locator("#user-select").inputValue();
}

/** What the stand-in logged for the user: what really went through the webhook. */
async function logged(userId: string): Promise<LoggedMessage[]> {
  const response = await fetch(`${inject("stack").lineUrl}/sim/users/${userId}/messages`);
  return ((await response.json()) as { messages: LoggedMessage[] }).messages;
}

const botBubbles = (page: Page) => page.locator(".row.from-bot:not(#typing)");
const userBubbles = (page: Page) => page.locator(".row.from-user");

describe("the chat simulator page", () => {
  it("makes a user who follows the account, shows the welcome and starts a report from the rich menu", async () => {
    const { page } = phone;
    const userId = await openSimulatorAsNewUser(page, "สมใจ ทดลองแชต");

    await expect
      .poll(() => page.locator(".system").allTextContents())
      .toContain("คุณเพิ่มเพื่อนแล้ว · you added the account");
    await expect.poll(() => botBubbles(page).first().textContent()).toContain("1300");

    // The bot's rich menu opens by itself (it is "selected") and its areas are buttons.
    const report = page.locator("#richmenu-grid").getByRole("button", { name: "แจ้งเรื่อง" });
    await report.click();
    await expect
      .poll(() => botBubbles(page).last().textContent())
      .toContain("ต้องการแจ้งเรื่องเกี่ยวกับอะไรคะ");
    expect((await logged(userId)).map(entry => entry.message.data)).toContain("a=menu.report");

    // The question's quick replies sit under it; a tap answers as the person's own words.
    await page.locator("#quick").getByRole("button", { name: "เด็กและเยาวชน" }).click();
    await expect
      .poll(() => userBubbles(page).last().locator(".bubble").textContent())
      .toBe("เด็กและเยาวชน");
    // ... and the bot asks its next question under it.
    const lastRow = page.locator("#chat > .row:not(#typing)").last();
    await expect.poll(() => lastRow.getAttribute("class")).toContain("from-bot");
    await screenshot(page, "chat-simulator-report-category");
  });

  it("sends what is typed on Enter and shows it on the user's side, then the bot's answer", async () => {
    const { page } = phone;
    const userId = await openSimulatorAsNewUser(page, "ทดลอง พิมพ์");
    await expect.poll(() => botBubbles(page).count()).toBeGreaterThan(0);
    const before = await botBubbles(page).count();

    await page.getByRole("textbox", { name: "message" }).fill("สวัสดีค่ะ");
    await page.getByRole("textbox", { name: "message" }).press("Enter");

    await expect.poll(() => userBubbles(page).last().textContent()).toContain("สวัสดีค่ะ");
    await expect.poll(() => botBubbles(page).count()).toBeGreaterThan(before);
    await expect.poll(() => page.getByRole("textbox", { name: "message" }).inputValue()).toBe("");
    const texts = (await logged(userId)).filter(e => e.from === "user").map(e => e.message.text);
    expect(texts).toContain("สวัสดีค่ะ");
  });

  it("sends a place picked under + as a LINE location message", async () => {
    const { page } = phone;
    const userId = await openSimulatorAsNewUser(page, "ทดลอง ตำแหน่ง");
    const place = SIM_PLACES[0]!;

    await page.getByRole("button", { name: "more: image, location, sticker" }).click();
    await page.locator("#tool-location").click();
    await page.getByRole("button", { name: place.name }).click();
    await page.getByRole("button", { name: "ส่ง / send" }).click();

    await expect
      .poll(() => userBubbles(page).last().locator(".loc-title").textContent())
      .toBe(place.name);
    const sent = (await logged(userId)).find(e => e.message.type === "location");
    expect(sent?.message).toMatchObject({
      latitude: place.lat,
      longitude: place.lng,
      title: place.name,
    });
  });
});
