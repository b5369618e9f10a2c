import { chromium, type Browser, type BrowserContext } from "playwright-core";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Debian's Chromium: `npx playwright install` downloads its own and cannot run here.
 * `trustedSpki`: base64 SHA-256 of a self-signed certificate's public key that Chromium treats
 * as valid, so its pages are cached as any other (a certificate error turns the cache off).
 */
export function launchBrowser(options: { trustedSpki?: string } = {}): Promise<Browser> {
  const trust = options.trustedSpki
    ? [`--ignore-certificate-errors-spki-list=${options.trustedSpki}`]
    : [];
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...trust],
  });
}

/** A small Android phone as LINE's in-app browser shows the LIFF app: 360×740, touch, Bangkok. */
export function newPhone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "th-TH",
    timezoneId: "Asia/Bangkok",
  });
}
