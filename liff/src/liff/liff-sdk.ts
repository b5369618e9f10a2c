import type { Liff } from "@line/liff/core";
import { loadLiffConfig, type LiffConfig } from "../config/liff-config";

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

/**
 * Starts fetching what `initLiffOnce` will need (the config, the SDK, the mock on the local
 * stack) and starts it, while the language catalog loads, instead of one after the other: on
 * a slow link each step in turn costs a round trip. Failures are left to the LIFF provider,
 * which starts again and shows them (`initLiffOnce` forgets a failed start).
 */
export function prefetchLiff(): void {
  void import("./liff-modules").catch(() => undefined);
  // liff.init too, as soon as the config and the SDK are here: the LIFF provider mounts only
  // once the language catalog has come, and then finds LIFF ready instead of starting it.
  void loadLiffConfig()
    .then(initLiffOnce)
    .catch(() => undefined);
}
