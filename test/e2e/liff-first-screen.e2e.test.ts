import type { Area } from "@sa/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  APP_JS_BUDGET_BYTES,
  appJsBytes,
  recordFetchedAssets,
  waitUntilUsable,
} from "../../dev/src/bench/first-screen-bytes";
import { callApi, CHIANG_MAI_SI_PHUM, grantRole, seedCase } from "../support/accounts";
import { clearFirestore } from "../support/emulator";
import { actAs, liffUrl, newSimulatedUser, phoneSession } from "../support/browser";

const CHIANG_MAI: Area = { provinceCode: "50", province: "เชียงใหม่", provinceEn: "Chiang Mai" };
/** The first API answer may come from a cold function worker on a busy machine. */
const COLD_API_MS = 60_000;
const phone = phoneSession(() => clearFirestore());

// On a busy machine the Functions emulator may still be loading the functions when this file
// runs first; the app would show its 404 screen. Any answer but 404 means they are loaded.
beforeAll(async () => {
  const deadline = Date.now() + COLD_API_MS;
  while ((await callApi("/me")).status === 404 && Date.now() < deadline)
    await new Promise(done => setTimeout(done, 500));
}, COLD_API_MS + 5_000);

/**
 * Opens a first screen as a phone would and returns the gzip bytes of the app's own JS the
 * browser asked for until the screen was usable (its heading and its data shown): lazy chunks
 * the screen pulls in count, chunks it never asks for do not, whatever the build's list says.
 */
async function firstScreenAppJs(path: string, heading: string): Promise<number> {
  const recording = recordFetchedAssets(phone.page);
  await phone.page.goto(liffUrl(path));
  await waitUntilUsable(phone.page, heading, COLD_API_MS);
  recording.usable();
  await recording.quiet();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `${path}: app JS ${kb(appJsBytes(recording.files))} gzip —`,
    recording.files.map(f => `${f.name} ${kb(f.gzipBytes)} (${f.kind})`).join(", "),
  );
  // Something of the app's own must have loaded, or the screen above could not have shown.
  expect(recording.files.some(f => f.kind === "app")).toBe(true);
  return appJsBytes(recording.files);
}

describe("the app's own JavaScript on each first screen, as Chromium fetches it", () => {
  it("should keep the citizen's eligibility form within the 60 KB gzip budget", async () => {
    await actAs(phone.context, await newSimulatedUser("ประชาชน ทดสอบ"));
    const bytes = await firstScreenAppJs("/eligibility", "ตรวจสอบสิทธิสวัสดิการ");
    expect(bytes).toBeLessThanOrEqual(APP_JS_BUDGET_BYTES);
  }, 90_000);

  it("should keep the volunteer's case list within the 60 KB gzip budget", async () => {
    const volunteer = await newSimulatedUser("อพม. ทดสอบ");
    await grantRole(volunteer.userId, "volunteer", CHIANG_MAI_SI_PHUM, volunteer.displayName);
    await seedCase({ assignee: { userId: volunteer.userId, name: volunteer.displayName } });
    await actAs(phone.context, volunteer);
    const bytes = await firstScreenAppJs("/", "เรื่องของฉัน");
    expect(bytes).toBeLessThanOrEqual(APP_JS_BUDGET_BYTES);
  }, 90_000);

  it("should keep the staff queue within the 60 KB gzip budget", async () => {
    const staff = await newSimulatedUser("เจ้าหน้าที่ ทดสอบ");
    await grantRole(staff.userId, "staff", CHIANG_MAI, staff.displayName);
    await seedCase({ status: "new" });
    await actAs(phone.context, staff);
    const asked: string[] = [];
    phone.page.on("request", request => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith("/api/")) asked.push(pathname);
    });
    const bytes = await firstScreenAppJs("/", "คิวเรื่อง จ.เชียงใหม่");
    expect(bytes).toBeLessThanOrEqual(APP_JS_BUDGET_BYTES);
    // One request for the whole screen: the title, the page and the staff nav (shown once the
    // role is known) share who I am, and the queue's first page came with it.
    await phone.page.getByRole("navigation").first().waitFor();
    expect(asked).toEqual(["/api/home"]);
    expect(await phone.page.locator(".queue-row, .case-row").count()).toBeGreaterThan(0);
  }, 90_000);
});
