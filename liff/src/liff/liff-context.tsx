import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { createApiClient, SCREEN_SETTLED_MS, type ApiClient } from "../api/api-client";
import type { LiffConfig } from "../config/liff-config";
import { useLanguage } from "../i18n/language-context";
import { removeKey, writeJson } from "../storage/local-json";
import { StartupScreen } from "../components/startup-screen";
import { clearPersonStore, openAs } from "../offline/device-store";
import { mockAuth, type Auth } from "./auth";
import type { LiffSdk } from "./liff-sdk";
import { SIM_USER_KEY, startLiff, takeEarlyStart } from "./liff-start";
import type { SimUser, SimulatorClient } from "./simulator-client";

export interface LiffSession {
  config: LiffConfig;
  auth: Auth;
  api: ApiClient;
  /** Local stack only: go back to the "who am I" picker. */
  switchUser?: () => void;
  /** Signs out of LINE and removes everything kept on the phone for this person. */
  signOut: () => void;
}

type Phase =
  | { kind: "starting" }
  | { kind: "choosing"; sdk: LiffSdk; simulator: SimulatorClient; picker: WhoAmIComponent }
  /** `sdk`: liff.init, which may not have started when the person is known without it. */
  | {
      kind: "ready";
      sdk: Promise<LiffSdk>;
      startSdk: () => void;
      auth: Auth;
      config: LiffConfig;
    }
  /** Signed out, or refused because an admin disabled the account: the phone's store is gone. */
  | { kind: "ended"; reason: "signedOut" | "disabled" }
  | { kind: "failed"; error: unknown };

type WhoAmIComponent = (typeof import("../components/who-am-i"))["WhoAmI"];

const LiffContext = createContext<LiffSession | null>(null);

/**
 * Starts LIFF once and holds the app until it knows who the person is. In the local stack
 * that means asking "who am I" first (remembered for this tab), since there is no LINE app.
 */
export function LiffProvider({ children }: { children: ComponentChildren }) {
  const { language } = useLanguage();
  const [phase, setPhase] = useState<Phase>({ kind: "starting" });
  const config = useRef<LiffConfig | null>(null);
  const languageRef = useRef(language);
  languageRef.current = language;

  const actAs = useCallback(async (sdk: LiffSdk, simulator: SimulatorClient, user: SimUser) => {
    if (!import.meta.env.SIMULATOR_BUILD) return; // production never picks a simulated person
    const ready = Promise.resolve(sdk);
    const auth = await mockAuth(ready, simulator, user);
    writeJson(SIM_USER_KEY, user, "session");
    openAs(auth);
    setPhase({
      kind: "ready",
      sdk: ready,
      startSdk: () => undefined,
      auth,
      config: config.current!,
    });
  }, []);

  const start = useCallback(async () => {
    setPhase({ kind: "starting" });
    try {
      const started = await (takeEarlyStart() ?? startLiff());
      config.current = started.config;
      if (started.kind === "signedIn") {
        const { auth, confirmed } = started;
        if (confirmed === true) openAs(auth);
        else {
          // Started on the token LINE handed this open: the phone keeps the person's things
          // (and forgets any other person's) only once LIFF has signed in the same person.
          confirmed.then(
            same => (same ? openAs(auth) : void start()),
            // liff.init failed: the screen stays on the handed token; nothing is kept.
            () => undefined,
          );
        }
        const { sdk, startSdk } = started;
        setPhase({ kind: "ready", sdk, startSdk, auth, config: started.config });
        return;
      }
      // The picker exists only for the local stack: production never downloads it.
      if (!import.meta.env.SIMULATOR_BUILD) return;
      const { WhoAmI } = await import("../components/who-am-i");
      setPhase({
        kind: "choosing",
        sdk: started.sdk,
        simulator: started.simulator,
        picker: WhoAmI,
      });
    } catch (error) {
      setPhase({ kind: "failed", error });
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  const session = useMemo<LiffSession | null>(() => {
    if (phase.kind !== "ready") return null;
    const { auth, sdk, startSdk } = phase;
    const switchUser = () => {
      removeKey(SIM_USER_KEY, "session");
      void start();
    };
    const end = (reason: "signedOut" | "disabled") => {
      clearPersonStore(auth.userId);
      removeKey(SIM_USER_KEY, "session");
      setPhase({ kind: "ended", reason });
    };
    const signOut = () => {
      end("signedOut");
      startSdk();
      sdk.then(
        ready => ready.isLoggedIn() && ready.logout(),
        () => undefined,
      );
    };
    const api = createApiClient(
      auth,
      () => languageRef.current,
      () => end("disabled"),
    );
    // Opened on the home screen: who I am and the home's first data are asked for now, in one
    // request, before any screen renders and asks for its part (api-client.ts, `home`).
    if (location.pathname === "/") api.home().catch(() => undefined);
    // Started without liff.init (on the token LINE handed this open), the SDK is loaded once the
    // first screen has what it shows, so that it does not share a slow link with it.
    void api.quiet(SCREEN_SETTLED_MS).then(startSdk);
    return {
      config: phase.config,
      auth,
      api,
      ...(phase.config.mock && { switchUser }),
      signOut,
    };
  }, [phase, start]);

  if (import.meta.env.SIMULATOR_BUILD && phase.kind === "choosing") {
    const WhoAmI = phase.picker;
    return (
      <WhoAmI
        simulator={phase.simulator}
        onChosen={user => actAs(phase.sdk, phase.simulator, user)}
      />
    );
  }
  if (phase.kind === "ended") return <EndedScreen reason={phase.reason} />;
  if (!session) {
    return <StartupScreen failed={phase.kind === "failed"} onRetry={() => void start()} />;
  }
  return <LiffContext.Provider value={session}>{children}</LiffContext.Provider>;
}

export function useLiff(): LiffSession {
  const session = useContext(LiffContext);
  if (!session) throw new Error("useLiff must be used inside <LiffProvider>");
  return session;
}

/** After signing out or being disabled: nothing of the person's is left on the phone. */
function EndedScreen({ reason }: { reason: "signedOut" | "disabled" }) {
  const { t } = useLanguage();
  return (
    <main class="page" id="main">
      <section class="problem" aria-labelledby="ended-title">
        <h1 id="ended-title">{t(`account.${reason}Title`)}</h1>
        <p>{t(`account.${reason}Body`)}</p>
      </section>
    </main>
  );
}
