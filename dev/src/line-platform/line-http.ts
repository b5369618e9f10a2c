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
    if (!match || match[1] !== state.options.channelAccessToken) {
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

const FAULT_MESSAGES: Record<number, string> = {
  400: "The request body has 1 error(s)",
  403: "Access to this API is not available for your account",
  404: "Not found",
  429: "You have reached your monthly limit.",
  500: "Internal server error",
};

function faultBody(fault: Fault): { message: string } {
  return {
    message: fault.message ?? FAULT_MESSAGES[fault.status] ?? STATUS_CODES[fault.status] ?? "Error",
  };
}

/**
 * Injected failures (not part of LINE). Status 0 drops the connection, as a timeout would;
 * `acceptFirst` lets the call take effect and only then fails the answer, the case retry keys
 * exist for.
 */
export function injectFaults(state: PlatformState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const fault = state.takeFault(pathOf(req));
    if (!fault) {
      next();
      return;
    }
    const json = res.json.bind(res);
    const fail = (): Response => {
      if (fault.status === 0) {
        req.socket.destroy();
        return res;
      }
      res.status(fault.status);
      return json(faultBody(fault));
    };
    if (!fault.acceptFirst) {
      fail();
      return;
    }
    res.json = fail as Response["json"];
    next();
  };
}
