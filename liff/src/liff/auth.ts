import type { LiffSdk } from "./liff-sdk";
import {
  takeEarlyIdToken,
  type SimIdToken,
  type SimUser,
  type SimulatorClient,
} from "./simulator-client";

/** Who the app acts as, and the ID token the API checks with LINE. */
export interface Auth {
  /** LINE user id: keys this person's drafts and outbox on a shared phone. */
  userId: string;
  displayName: string;
  idToken(): string | null;
  /** After the API said 401: get a fresh token. False when none can be had right now. */
  renew(): Promise<boolean>;
}

/** Local stack: tokens come from the LINE stand-in for the simulated user picked. */
export async function mockAuth(
  sdk: LiffSdk,
  simulator: SimulatorClient,
  user: SimUser,
): Promise<Auth> {
  let early: Promise<SimIdToken | null> | undefined = takeEarlyIdToken(user.userId);
  const fetchToken = async () => {
    const { idToken } = (await early) ?? (await simulator.idToken(user.userId));
    early = undefined;
    sdk.$mock?.set(previous => ({
      ...previous,
      getIDToken: idToken,
      getProfile: { userId: user.userId, displayName: user.displayName },
      isLoggedIn: true,
    }));
  };
  await fetchToken();
  return {
    userId: user.userId,
    displayName: user.displayName,
    idToken: () => sdk.getIDToken(),
    renew: async () => {
      try {
        await fetchToken();
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Inside LINE: the SDK holds the token; an expired one is renewed by logging in again. */
export async function lineAuth(sdk: LiffSdk): Promise<Auth> {
  const decoded = sdk.getDecodedIDToken();
  const profile = decoded ? undefined : await sdk.getProfile();
  return {
    userId: decoded?.sub ?? profile?.userId ?? "unknown",
    displayName: decoded?.name ?? profile?.displayName ?? "",
    idToken: () => sdk.getIDToken(),
    renew: async () => {
      // Navigates away and back with a new token; the outbox keeps what was waiting.
      sdk.login({ redirectUri: location.href });
      return false;
    },
  };
}
