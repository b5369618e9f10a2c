import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { grantRole, idTokenFor, seedCase } from "../support/accounts";
import { liffUrl, newSimulatedUser, volunteerPhoneSession } from "../support/browser";

// The home request leaves from index.html while the app and the LIFF SDK are still downloading:
// with the ID token LINE put in the URL, or the one the last open kept (liff/kept-id-token.ts),
// or in the local stack the one the LINE stand-in hands on request (liff/vite.config.ts).

const phone = volunteerPhoneSession();
const CASE_LIST = "เรื่องของฉัน";
/** The LIFF SDK and the local stack's mock of it: liff.init cannot run before both are in. */
const SDK = /\/assets\/liff-(sdk|mock)-[\w-]+\.js$/;

interface HomeAsk {
  /** Sent while the SDK was still held back: before liff.init could have run. */
  beforeSdk: boolean;
  /** The ID token it was sent with. */
  token: string;
  status?: number;
}

/**
 * Opens the home screen in the phone's tab with the SDK held back until the home has been asked
 * for, or `holdMs` has passed, or `whileHeld` is done, as on a slow link where the SDK comes
 * last. Returns each `GET /api/home` sent, once the case list is shown.
 */
async function openHomeWithSdkHeld(
  page: Page,
  holdMs: number,
  { fragment = "", whileHeld }: { fragment?: string; whileHeld?: () => Promise<void> } = {},
): Promise<HomeAsk[]> {
  const asks: HomeAsk[] = [];
  let held = true;
  let release!: () => void;
  const released = new Promise<void>(resolve => (release = resolve));
  await page.route(SDK, async route => {
    await released;
    await route.continue();
  });
  const isHome = (url: string) => new URL(url).pathname === "/api/home";
  const onRequest = (request: { url(): string; headers(): Record<string, string> }) => {
    const token = request.headers().authorization?.replace(/^Bearer /, "") ?? "";
    if (isHome(request.url())) asks.push({ beforeSdk: held, token });
  };
  const onResponse = (response: { url(): string; status(): number }) => {
    const ask = asks.find(a => a.status === undefined);
    if (isHome(response.url()) && ask) ask.status = response.status();
  };
  page.on("request", onRequest);
  page.on("response", onResponse);
  try {
    await page.goto(liffUrl(`/${fragment}`), { waitUntil: "commit" });
    const deadline = Date.now() + holdMs;
    if (whileHeld) await whileHeld();
    else while (asks.length === 0 && Date.now() < deadline) await page.waitForTimeout(50);
    held = false;
    release();
    await page.getByRole("heading", { name: CASE_LIST }).waitFor();
    await page.locator(".case-row").first().waitFor();
    return asks;
  } finally {
    await page.unroute(SDK);
    page.off("request", onRequest);
    page.off("response", onResponse);
  }
}

/**
 * A first open, as the phone had the day before: it keeps who the person is and their token,
 * which is returned.
 */
async function openOnce(page: Page, userId: string): Promise<string> {
  await page.goto(liffUrl("/"));
  await page.locator(".case-row").first().waitFor();
  return page.evaluate(
    key => (JSON.parse(localStorage.getItem(key)!) as { idToken: string }).idToken,
    `sa.${userId}.idToken`,
  );
}

describe("a volunteer's first open of the home screen", () => {
  it("should show the cases on the ID token LINE put in the URL before the SDK is in, keeping nothing until LIFF signs the same person in", async () => {
    const { page, volunteer } = phone;
    const report = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });
    const given = await idTokenFor(volunteer.userId, {});
    // What another person left on this phone: removed only once LIFF has confirmed who this is.
    const earlier = await newSimulatedUser("อพม. คนก่อน");
    const theirDraft = `sa.${earlier.userId}.draft.visit`;
    await page.addInitScript(key => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, "{}");
    }, theirDraft);
    const keys = () => page.evaluate(() => Object.keys(localStorage));

    const asks = await openHomeWithSdkHeld(page, 10_000, {
      fragment: `#access_token=x&id_token=${given}`,
      whileHeld: async () => {
        await page.getByText(report.ticket).waitFor();
        expect(await keys()).toContain(theirDraft);
      },
    });
    expect(asks).toEqual([{ beforeSdk: true, token: given, status: 200 }]);
    await expect.poll(keys).not.toContain(theirDraft);
    expect(await keys()).toContain(`sa.${volunteer.userId}.idToken`);
  });

  it("should show the cases as soon as the LINE stand-in has handed a token, in the local stack", async () => {
    const { page, volunteer } = phone;
    const report = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });

    const asks = await openHomeWithSdkHeld(page, 10_000, {
      whileHeld: () => page.getByText(report.ticket).waitFor(),
    });
    expect(asks).toEqual([{ beforeSdk: true, token: expect.any(String), status: 200 }]);
  });
});

describe("a returning volunteer's home screen", () => {
  it("should ask for the home while the LIFF SDK is still on its way, once", async () => {
    const { page, volunteer } = phone;
    const report = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });
    const kept = await openOnce(page, volunteer.userId);

    const asks = await openHomeWithSdkHeld(page, 10_000);
    expect(asks).toEqual([{ beforeSdk: true, token: kept, status: 200 }]);
    await page.getByText(report.ticket).waitFor();
  });

  it("should not send a kept token that has expired", async () => {
    const { page, volunteer } = phone;
    await seedCase({ assignee: { userId: volunteer.userId, name: volunteer.displayName } });
    await openOnce(page, volunteer.userId);
    const expired = await idTokenFor(volunteer.userId, { expiresInSeconds: -60 });
    await page.evaluate(
      ([key, idToken]) =>
        localStorage.setItem(key!, JSON.stringify({ idToken, expiresAt: Date.now() - 60_000 })),
      [`sa.${volunteer.userId}.idToken`, expired],
    );

    const asks = await openHomeWithSdkHeld(page, 10_000);
    // Asked with the token the stand-in handed this open instead.
    expect(asks).toEqual([{ beforeSdk: true, token: expect.any(String), status: 200 }]);
    expect(asks[0]?.token).not.toBe(expired);
  });

  it("should ask again with this open's token when the kept one is refused, staying signed in", async () => {
    const { page, volunteer } = phone;
    const report = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });
    await openOnce(page, volunteer.userId);
    await page.evaluate(key => {
      const forged = { idToken: "not.a-line.token", expiresAt: Date.now() + 3_600_000 };
      localStorage.setItem(key, JSON.stringify(forged));
    }, `sa.${volunteer.userId}.idToken`);

    const asks = await openHomeWithSdkHeld(page, 10_000);
    expect(asks).toEqual([
      { beforeSdk: true, token: "not.a-line.token", status: 401 },
      // Asked again by the app (before the SDK or after: the stand-in's token needs no SDK).
      { beforeSdk: expect.any(Boolean), token: expect.any(String), status: 200 },
    ]);
    await page.getByText(report.ticket).waitFor();
  });

  it("should show the next person only their own cases when someone else used the phone last", async () => {
    const { page, volunteer } = phone;
    const first = await seedCase({
      assignee: { userId: volunteer.userId, name: volunteer.displayName },
    });
    const lastPersons = await openOnce(page, volunteer.userId);

    const next = await newSimulatedUser("อพม. สมศักดิ์");
    await grantRole(next.userId, "volunteer", undefined, next.displayName);
    const theirs = await seedCase({ assignee: { userId: next.userId, name: next.displayName } });
    // The tab now acts as the other volunteer, as after signing in to LINE as someone else.
    await page.evaluate(user => sessionStorage.setItem("sa.simUser", JSON.stringify(user)), next);

    const asks = await openHomeWithSdkHeld(page, 10_000);
    // The page sent the last person's kept request; the app left it unread and asked as this one.
    expect(asks).toEqual([
      { beforeSdk: true, token: lastPersons, status: 200 },
      { beforeSdk: expect.any(Boolean), token: expect.any(String), status: 200 },
    ]);
    expect(asks[1]?.token).not.toBe(lastPersons);
    await page.getByText(theirs.ticket).waitFor();
    expect(await page.getByText(first.ticket).count()).toBe(0);
    const kept = await page.evaluate(() => Object.keys(localStorage));
    expect(kept.filter(key => key.startsWith(`sa.${volunteer.userId}.`))).toEqual([]);
  });
});
