import type { NextFunction, Request, Response } from "express";
import type { Firestore } from "firebase-admin/firestore";
import {
  IdTokenCheckUnavailable,
  InvalidIdToken,
  type IdTokenVerifier,
} from "../auth/id-token-verifier";
import { recordSignIn } from "../repositories/audit";
import { isActive, readAccount, type Account } from "../repositories/users";
import { HttpError } from "./http-error";

export interface AuthedRequest extends Request {
  account: Account;
  callerName: string | undefined;
}

/** The `code` of the 403 a disabled account gets: the LIFF app clears the phone's store on it. */
export const ACCOUNT_DISABLED = "account_disabled";

/** Sign-ins already written by this instance, so a token's later requests cost no write. */
const SIGN_INS_SEEN_LIMIT = 10_000;

/**
 * Every authenticated route: a LIFF ID token in `Authorization: Bearer`, verified with LINE.
 * The account is read from Firestore on every request (never cached), so an account an admin
 * disables is refused from its next request on, whatever token it holds.
 */
export function authenticate(
  deps: () => Promise<{ db: Firestore; verifyIdToken: IdTokenVerifier }>,
) {
  const signInsSeen = new Set<string>();
  return async (req: Request, res: Response, next: NextFunction) => {
    // Nothing a signed-in person is answered (cases, photos, names) may be kept by a cache.
    res.setHeader("Cache-Control", "private, no-store");
    const header = req.headers.authorization ?? "";
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (!token) throw new HttpError(401, "Sign in with LINE: missing ID token");
    const { db, verifyIdToken } = await deps();
    let caller;
    try {
      caller = await verifyIdToken(token);
    } catch (error) {
      if (error instanceof InvalidIdToken)
        throw new HttpError(401, "Sign in with LINE again: the ID token is not valid");
      if (error instanceof IdTokenCheckUnavailable) {
        console.error("id token check unavailable", error.message);
        throw new HttpError(
          503,
          "Could not check the sign-in with LINE: try again",
          undefined,
          "sign_in_unavailable",
          5,
        );
      }
      throw error;
    }
    const account = await readAccount(db, caller.userId);
    if (!isActive(account)) {
      throw new HttpError(
        403,
        "This account has been disabled: ask your supervisor or an administrator",
        undefined,
        ACCOUNT_DISABLED,
      );
    }
    if (account.role === "staff" || account.role === "admin") {
      const key = `${caller.userId}:${caller.issuedAt ?? token}`;
      if (!signInsSeen.has(key)) {
        await recordSignIn(db, {
          actor: caller.userId,
          role: account.role,
          issuedAt: caller.issuedAt ?? Math.floor(Date.now() / 1000),
        });
        if (signInsSeen.size >= SIGN_INS_SEEN_LIMIT) signInsSeen.clear();
        signInsSeen.add(key);
      }
    }
    const authed = req as AuthedRequest;
    authed.account = account;
    authed.callerName = caller.name;
    next();
  };
}

/** The caller that `authenticate` attached to the request. */
export function callerOf(req: Request): { account: Account; callerName: string | undefined } {
  const authed = req as unknown as Partial<AuthedRequest>;
  if (!authed.account) throw new HttpError(401, "Sign in with LINE");
  return { account: authed.account, callerName: authed.callerName };
}
