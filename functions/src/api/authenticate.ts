import type { NextFunction, Request, Response } from "express";
import type { Firestore } from "firebase-admin/firestore";
import { InvalidIdToken, type IdTokenVerifier } from "../auth/id-token-verifier";
import { readAccount, type Account } from "../repositories/users";
import { HttpError } from "./http-error";

export interface AuthedRequest extends Request {
  account: Account;
  callerName: string | undefined;
}

/** Every authenticated route: a LIFF ID token in `Authorization: Bearer`, verified with LINE. */
export function authenticate(
  deps: () => Promise<{ db: Firestore; verifyIdToken: IdTokenVerifier }>,
) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? "";
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (!token) throw new HttpError(401, "Sign in with LINE: missing ID token");
    const { db, verifyIdToken } = await deps();
    try {
      const caller = await verifyIdToken(token);
      const authed = req as AuthedRequest;
      authed.account = await readAccount(db, caller.userId);
      authed.callerName = caller.name;
    } catch (error) {
      if (error instanceof InvalidIdToken)
        throw new HttpError(401, "Sign in with LINE again: the ID token is not valid");
      throw error;
    }
    next();
  };
}

/** The caller that `authenticate` attached to the request. */
export function callerOf(req: Request): { account: Account; callerName: string | undefined } {
  const authed = req as unknown as Partial<AuthedRequest>;
  if (!authed.account) throw new HttpError(401, "Sign in with LINE");
  return { account: authed.account, callerName: authed.callerName };
}
