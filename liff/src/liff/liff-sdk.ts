import type { Liff } from "@line/liff/core";
import type { LiffConfig } from "../config/liff-config";

/** The LIFF core with the modules the app uses (liff-modules.ts), plus liff-mock's `$mock`. */
export type LiffSdk = Liff & {
  $mock?: { set(update: (previous: Record<string, unknown>) => Record<string, unknown>): void };
};

let started: Promise<LiffSdk> | undefined;

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
