import { sendHomeEarly } from "../api/api-client";
import { loadLiffConfig, type LiffConfig } from "../config/liff-config";
import { initialLanguage } from "../i18n/i18n";
import { readJson, removeKey } from "../storage/local-json";
import { handedAuth, lineAuth, mockAuth, type Auth } from "./auth";
import { handedIdTokenIn } from "./handed-token";
import { initLiffWhenStarted, openedWithFragment, type LiffSdk } from "./liff-sdk";
import { createSimulatorClient, simUserSchema, type SimulatorClient } from "./simulator-client";

/** Where starting LIFF ends: knowing who the person is, or (local stack) asking them. */
export type Started =
  | {
      kind: "signedIn";
      config: LiffConfig;
      /** liff.init, which the app need not wait for when the person is known without it. */
      sdk: Promise<LiffSdk>;
      /** Starts liff.init if it has not started: the app calls it once its first screen is in. */
      startSdk: () => void;
      auth: Auth;
      /** Whether LIFF signs in the same person: known at once unless the token was handed. */
      confirmed: true | Promise<boolean>;
    }
  /** Local stack: nobody picked in this tab yet, or the stand-in has forgotten them. */
  | { kind: "choosing"; config: LiffConfig; sdk: LiffSdk; simulator: SimulatorClient };

/** The simulated user picked, kept for this tab only: a new tab asks again (a shared laptop). */
export const SIM_USER_KEY = "sa.simUser";

/** The ID token LINE put in this open's URL, read before liff.init, and taken once. */
let handedIdToken = handedIdTokenIn(location.search, openedWithFragment);

/**
 * The config, then who the person is: from the ID token LINE handed this open, else (or when
 * unusable) from the SDK once liff.init has run; locally as picked in this tab, with the
 * stand-in's token. On a handed token (and locally) liff.init waits until the app starts it.
 */
export async function startLiff(): Promise<Started> {
  const config = await loadLiffConfig();
  const { sdk, start: startSdk } = initLiffWhenStarted(config);
  const handed = handedIdToken && handedAuth(handedIdToken, sdk, startSdk);
  handedIdToken = null;
  if (handed) return { kind: "signedIn", config, sdk, startSdk, ...handed };
  if (!import.meta.env.SIMULATOR_BUILD || !config.mock) {
    startSdk();
    const auth = await lineAuth(await sdk);
    return { kind: "signedIn", config, sdk, startSdk, auth, confirmed: true };
  }
  const simulator = createSimulatorClient(config.lineSimulatorUrl);
  const remembered = readJson(SIM_USER_KEY, simUserSchema, "session");
  if (remembered) {
    try {
      const auth = await mockAuth(sdk, simulator, remembered);
      return { kind: "signedIn", config, sdk, startSdk, auth, confirmed: true };
    } catch {
      // The stand-in keeps its users in memory: after a restart this one is gone.
      removeKey(SIM_USER_KEY, "session");
    }
  }
  startSdk();
  return { kind: "choosing", config, sdk: await sdk, simulator };
}

let early: Promise<Started> | undefined;

/**
 * Called by the entry before the app renders: LIFF starts as soon as its SDK has arrived, and
 * on the home screen `GET /api/home` is sent the moment the person is known, instead of after
 * the app's first renders (the LIFF provider's own start, then the session's). On a cheap
 * phone those renders were a few hundred milliseconds before the one request the home waits
 * for. The LIFF provider takes this start once; starting again (a retry, another simulated
 * person) starts afresh.
 */
export function startLiffEarly(): void {
  early = startLiff();
  early.then(
    started => {
      if (started.kind === "signedIn" && location.pathname === "/") {
        sendHomeEarly(started.auth, initialLanguage());
      }
    },
    // A failed start is the provider's to show, when it takes it.
    () => undefined,
  );
}

export function takeEarlyStart(): Promise<Started> | undefined {
  const taken = early;
  early = undefined;
  return taken;
}
