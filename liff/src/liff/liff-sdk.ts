import type { Liff } from "@line/liff/core";
import type { LiffConfig } from "../config/liff-config";

/** The LIFF core with the modules the app uses (liff-modules.ts), plus liff-mock's `$mock`. */
export type LiffSdk = Liff & {
  $mock?: { set(update: (previous: Record<string, unknown>) => Record<string, unknown>): void };
};

let started: Promise<LiffSdk> | undefined;

/** The fragment LINE opened the app with (its tokens, for liff.init), read before any navigation. */
export const openedWithFragment = location.hash;

/**
 * `liff.init` exactly once per page load, however often a component mounts. The SDK is loaded
 * with a dynamic import so it lands in its own chunk and the first screen is not held up by it.
 */
export function initLiffOnce(config: LiffConfig): Promise<LiffSdk> {
  started ??= (async () => {
    const { default: liff } = await import("./liff-modules");
    const sdk = liff as LiffSdk;
    if (import.meta.env.SIMULATOR_BUILD && config.mock) {
      const { LiffMockPlugin } = await import("@line/liff-mock");
      // liff-mock is typed for the whole SDK; it needs only isInClient and init, both here.
      sdk.use(new LiffMockPlugin() as unknown as Parameters<Liff["use"]>[0]);
      // liff-mock adds the `mock` option; the SDK's own Config type does not know it.
      await sdk.init({ liffId: config.liffId, mock: true } as Parameters<Liff["init"]>[0]);
    } else {
      // liff.init reads this open's tokens from the URL's fragment. When the app started on the
      // handed token, the person may have moved to another page first, which dropped it.
      if (openedWithFragment && location.hash !== openedWithFragment) {
        history.replaceState(
          history.state,
          "",
          `${location.pathname}${location.search}${openedWithFragment}`,
        );
      }
      await sdk.init({ liffId: config.liffId });
      // Outside the LINE app (an external browser) the person must log in with LINE first.
      if (!sdk.isLoggedIn()) sdk.login({ redirectUri: location.href });
    }
    return sdk;
  })();
  started.catch(() => {
    started = undefined;
  });
  return started;
}

/**
 * liff.init once `start` is called, not before: the app calls it once its first screen has its
 * data, when it started on a token handed to this open and needs the SDK only later (to confirm
 * who signed in, to renew a token, to sign out), so the SDK does not share a slow link with the
 * first screen's files.
 */
export function initLiffWhenStarted(config: LiffConfig): {
  sdk: Promise<LiffSdk>;
  start: () => void;
} {
  let start!: () => void;
  const started = new Promise<void>(resolve => (start = resolve));
  return { sdk: started.then(() => initLiffOnce(config)), start };
}
