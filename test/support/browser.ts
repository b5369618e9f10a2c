import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { launchBrowser, newPhone } from "../../dev/src/chromium";
import { grantRole, lineUser } from "./accounts";
import { clearFirestore } from "./emulator";

// Shared with the bench, which opens the same phone in the same Chromium.
export { launchBrowser, newPhone };

const SCREENSHOTS = join(import.meta.dirname, "..", "..", "test-results", "screenshots");

export interface SimulatedUser {
  userId: string;
  displayName: string;
  language?: "th" | "en";
}

/** A new user of the LINE stand-in, as the "who am I" picker would list it. */
export async function newSimulatedUser(displayName: string): Promise<SimulatedUser> {
  const { userId } = await lineUser(displayName);
  return { userId, displayName, language: "th" };
}

/** Skips the local stack's "who am I" picker: the app starts as this LINE user. */
export async function actAs(context: BrowserContext, user: SimulatedUser): Promise<void> {
  await context.addInitScript(remembered => {
    if (!sessionStorage.getItem("sa.simUser"))
      sessionStorage.setItem("sa.simUser", JSON.stringify(remembered));
  }, user);
}

/** The app's URL for a path, on the Hosting emulator that serves liff/dist and /api. */
export function liffUrl(path = "/"): string {
  return `${inject("stack").liffUrl}${path}`;
}

/**
 * Saves test-results/screenshots/<name>.png for a person to look at: the part of the screen
 * given (scrolled into view), or what the phone shows now.
 */
export async function screenshot(page: Page, name: string, part?: Locator): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if (part) await part.screenshot({ path });
  else await page.screenshot({ path });
}

/** Saves test-results/screenshots/<name>.png of the whole page, scrolled or not (a long screen). */
export async function fullPageScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** True when the page is wider than the phone: something would need sideways scrolling. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** axe-core's serious and critical findings, one line each ("rule: target"), for expect(...). */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .flatMap(v => v.nodes.map(node => `${v.id}: ${node.target.join(" ")} — ${v.help}`));
}

export interface PhoneSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * One Chromium per test file and a fresh phone (browser context and page) per test, closed
 * after it. `prepare` runs on each new context before its page opens (to sign someone in).
 */
export function phoneSession(prepare?: (context: BrowserContext) => Promise<void>): PhoneSession {
  const session = {} as PhoneSession;
  beforeAll(async () => {
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  beforeEach(async () => {
    session.context = await newPhone(session.browser);
    await prepare?.(session.context);
    session.page = await session.context.newPage();
  });
  afterEach(async () => {
    await session.context?.close();
  });
  return session;
}

/**
 * A phone for each test, signed in as an approved volunteer (อพม. สมใจ) made anew on an empty
 * Firestore: the volunteer's own pages start here.
 */
export function volunteerPhoneSession(): PhoneSession & { volunteer: SimulatedUser } {
  const session = phoneSession(async context => {
    await clearFirestore();
    session.volunteer = await newSimulatedUser("อพม. สมใจ");
    await grantRole(session.volunteer.userId, "volunteer", undefined, "อพม. สมใจ");
    await actAs(context, session.volunteer);
  }) as PhoneSession & { volunteer: SimulatedUser };
  return session;
}
