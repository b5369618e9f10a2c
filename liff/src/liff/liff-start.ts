import { sendHomeEarly } from "../api/api-client";
import { loadLiffConfig, type LiffConfig } from "../config/liff-config";
import { initialLanguage } from "../i18n/i18n";
import { readJson, removeKey } from "../storage/local-json";
import { lineAuth, mockAuth, type Auth } from "./auth";
import { initLiffOnce, type LiffSdk } from "./liff-sdk";
import { createSimulatorClient, simUserSchema, type SimulatorClient } from "./simulator-client";

/** Where starting LIFF ends: knowing who the person is, or (local stack) asking them. */
export type Started =
  | { kind: "signedIn"; config: LiffConfig; sdk: LiffSdk; auth: Auth }
  /** Local stack: nobody picked in this tab yet, or the stand-in has forgotten them. */
  | { kind: "choosing"; config: LiffConfig; sdk: LiffSdk; simulator: SimulatorClient };

/** The simulated user picked, kept for this tab only: a new tab asks again (a shared laptop). */
export const SIM_USER_KEY = "sa.simUser";

/** The config, liff.init, then who the person is: in LINE from the SDK, locally as picked. */
export async function startLiff(): Promise<Started> {
  const config = await loadLiffConfig();
  const sdk = await initLiffOnce(config);
  if (!import.meta.env.SIMULATOR_BUILD || !config.mock) {
    return { kind: "signedIn", config, sdk, auth: await lineAuth(sdk) };
  }
  const simulator = createSimulatorClient(config.lineSimulatorUrl);
  const remembered = readJson(SIM_USER_KEY, simUserSchema, "session");
  if (remembered) {
    try {
      return { kind: "signedIn", config, sdk, auth: await mockAuth(sdk, simulator, remembered) };
    } catch {
      // The stand-in keeps its users in memory: after a restart this one is gone.
      removeKey(SIM_USER_KEY, "session");
    }
  }
  return { kind: "choosing", config, sdk, simulator };
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
