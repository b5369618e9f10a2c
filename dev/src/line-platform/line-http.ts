import type { NextFunction, Request, Response } from "express";
import { STATUS_CODES } from "node:http";
import { newRequestId } from "./ids";
import type { ErrorDetail, ValidationFailure } from "./message-validation";
import type { Fault, PlatformState } from "./state";

export function sendLineError(
  res: Response,
  status: number,
  message: string,
  details?: ErrorDetail[],
): void {
  res.status(status).json(details ? { message, details } : { message });
}

export function sendValidationFailure(res: Response, failure: ValidationFailure): void {
  sendLineError(res, 400, failure.message, failure.details);
}

/** The path without the query, whatever router the request went through. */
export function pathOf(req: Request): string {
  return new URL(req.originalUrl, "http://stand-in").pathname;
}

/** Every LINE API response carries a request ID, errors included. */
export function requestId(_req: Request, res: Response, next: NextFunction): void {
  const id = newRequestId();
  res.locals.requestId = id;
  res.set("x-line-request-id", id);
  next();
}

export function requireBearer(state: PlatformState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get("authorization");
    if (!header) {
      sendLineError(
        res,
        401,
        "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'",
      );
      return;
    }
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match || !state.acceptsToken(match[1]!)) {
      sendLineError(
        res,
        401,
        "Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.",
      );
      return;
    }
    next();
  };
}

/** LINE's two 429 bodies: an exhausted monthly message quota, and a rate limit. */
export const MONTHLY_LIMIT_MESSAGE = "You have reached your monthly limit.";
export const RATE_LIMIT_MESSAGE = "The API rate limit has been exceeded. Try again later.";

const FAULT_MESSAGES: Record<number, string> = {
  400: "The request body has 1 error(s)",
  401: "Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.",
  403: "Access to this API is not available for your account",
  404: "Not found",
  429: MONTHLY_LIMIT_MESSAGE,
  500: "Internal server error",
};

function faultBody(fault: Fault): { message: string } {
  return {
    message: fault.message ?? FAULT_MESSAGES[fault.status] ?? STATUS_CODES[fault.status] ?? "Error",
  };
}

/** Runs `then` after the fault's delay, unless the caller has gone (a client's timeout). */
function afterDelay(req: Request, fault: Fault, then: () => void): void {
  if (!fault.delayMs) {
    then();
    return;
  }
  const timer = setTimeout(() => {
    if (!req.socket.destroyed) then();
  }, fault.delayMs);
  timer.unref();
  req.socket.once("close", () => clearTimeout(timer));
}

/**
 * Injected failures (not part of LINE). Status 0 drops the connection, as a timeout would;
 * `acceptFirst` lets the call take effect and only then fails the answer, the case retry keys
 * exist for; `delayMs` holds the answer (status 200: the real one, late); `retryAfter` adds
 * a Retry-After header.
 */
export function injectFaults(state: PlatformState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const fault = state.takeFault(pathOf(req));
    if (!fault) {
      next();
      return;
    }
    const json = res.json.bind(res);
    if (fault.status === 200) {
      // Only slow: the call takes effect now, its real answer comes after the delay.
      res.json = ((body: unknown) => {
        afterDelay(req, fault, () => json(body));
        return res;
      }) as Response["json"];
      next();
      return;
    }
    const fail = (): Response => {
      afterDelay(req, fault, () => {
        if (fault.status === 0) {
          req.socket.destroy();
          return;
        }
        if (fault.retryAfter !== undefined) res.set("retry-after", fault.retryAfter);
        res.status(fault.status);
        json(faultBody(fault));
      });
      return res;
    };
    if (!fault.acceptFirst) {
      fail();
      return;
    }
    res.json = fail as Response["json"];
    next();
  };
}
