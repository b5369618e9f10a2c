import { idTokenClaims } from "./id-token-claims";
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

/**
 * Local stack: tokens come from the LINE stand-in for the simulated user picked. As LINE hands
 * an open its token, the stand-in's is this open's, and the app need not wait for the SDK.
 */
export async function mockAuth(
  sdk: Promise<LiffSdk>,
  simulator: SimulatorClient,
  user: SimUser,
): Promise<Auth> {
  let early: Promise<SimIdToken | null> | undefined = takeEarlyIdToken(user.userId);
  let token: string | null = null;
  const fetchToken = async () => {
    const { idToken } = (await early) ?? (await simulator.idToken(user.userId));
    early = undefined;
    token = idToken;
    actAsInMock(sdk, { userId: user.userId, displayName: user.displayName }, idToken);
  };
  await fetchToken();
  return {
    userId: user.userId,
    displayName: user.displayName,
    idToken: () => token,
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

/** liff-mock answers as LINE would for this person once it has arrived (signing out asks it). */
function actAsInMock(
  sdk: Promise<LiffSdk>,
  profile: { userId: string; displayName: string },
  idToken: string,
): void {
  sdk.then(
    ready =>
      ready.$mock?.set(previous => ({
        ...previous,
        getIDToken: idToken,
        getProfile: profile,
        isLoggedIn: true,
      })),
    // A failed start is the provider's to show; nothing to answer for then.
    () => undefined,
  );
}

/** An Auth on the token LINE handed this open, and whether LIFF then signs in the same person. */
export interface HandedAuth {
  auth: Auth;
  /** True once LIFF has signed in the token's person; false for someone else. */
  confirmed: Promise<boolean>;
}

/**
 * LINE opens a LIFF app with the person's ID token in the URL's fragment
 * (`#access_token=…&id_token=…`), where liff.init reads it. The app starts on that token at
 * once instead of after the SDK has arrived and run: on a slow link the SDK is the last file
 * in. Whose token it is comes from its claims, which the API checks with LINE on every request;
 * what the app keeps on the phone for the person waits for `confirmed`. None for a token
 * that is unreadable or expires within a minute: the app then waits for LIFF as before.
 */
export function handedAuth(
  idToken: string,
  sdk: Promise<LiffSdk>,
  startSdk: () => void,
  now = Date.now(),
): HandedAuth | undefined {
  const claims = idTokenClaims(idToken);
  if (!claims?.sub || !claims.exp || claims.exp * 1000 < now + 60_000) return undefined;
  const userId = claims.sub;
  const displayName = claims.name ?? "";
  const signedIn = sdk.then(async ready => {
    if (!import.meta.env.SIMULATOR_BUILD || !ready.$mock) return lineAuth(ready);
    // The local stack's mock knows nobody but the person it is told it is.
    actAsInMock(sdk, { userId, displayName }, idToken);
    return { userId };
  });
  return {
    auth: {
      userId,
      displayName,
      idToken: () => idToken,
      renew: () => {
        startSdk();
        return signedIn.then(
          signedInAuth => ("renew" in signedInAuth ? signedInAuth.renew() : false),
          () => false,
        );
      },
    },
    confirmed: signedIn.then(signedInAuth => signedInAuth.userId === userId),
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
