import type { NextFunction, Request, Response, Router } from "express";
import { HttpError } from "./http-error";

/**
 * Body size limits, enforced on the raw body. The Functions framework parses JSON before
 * express sees the request, so `express.json({ limit })` never applies there: the limit must
 * be checked on `req.rawBody` (or, outside the framework, on `Content-Length`).
 */
export const BODY_LIMITS = {
  /** Forms: registration, assistance, referral, status, assign, eligibility. */
  form: 16 * 1024,
  /** A whole duty roster (50 shifts at most), a routing entry or a welfare rule version. */
  table: 64 * 1024,
  /** A household visit: three photos compressed on the phone (400,000 characters each). */
  visit: 1_300_000,
  /** A province's help-point CSV (a few hundred rows of Thai text). */
  helpPointsCsv: 512 * 1024,
  /** A target-household list as base64 (MAX_IMPORT_FILE_CHARS in core/src/api/households.ts). */
  householdList: 6_000_000,
} as const;

/** The limit for one request: only the visit route takes files. */
export function bodyLimitOf(method: string, path: string): number {
  if (method === "POST" && /^(?:\/api)?\/cases\/[^/]+\/visits\/?$/.test(path)) {
    return BODY_LIMITS.visit;
  }
  if (method === "POST" && /^(?:\/api)?\/admin\/help-points\/import\/?$/.test(path)) {
    return BODY_LIMITS.helpPointsCsv;
  }
  if (method === "POST" && /^(?:\/api)?\/staff\/households\/import(?:\/preview)?\/?$/.test(path)) {
    return BODY_LIMITS.householdList;
  }
  if (method === "PUT") return BODY_LIMITS.table;
  // A welfare rule version with its examples, or one with the profiles to preview it on.
  if (/^(?:\/api)?\/admin\/welfare-rules(?:\/|$)/.test(path)) return BODY_LIMITS.table;
  return BODY_LIMITS.form;
}

/** The size of what arrived: the raw body if the framework kept it, else the declared length. */
export function bodySize(req: Request): number {
  const raw = (req as Request & { rawBody?: Buffer }).rawBody;
  const declared = Number(req.headers["content-length"] ?? 0);
  return Math.max(raw?.length ?? 0, Number.isFinite(declared) ? declared : 0);
}

/** 413 with a JSON reason before anything else looks at a body that is too large. */
export function limitBodySize(limitOf: (req: Request) => number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const limit = limitOf(req);
    if (bodySize(req) > limit) {
      res.status(413).json({ message: "Request body too large", limit });
      return;
    }
    next();
  };
}

/**
 * Path parameters as they may appear: a ticket (`691125-7K3QF`), a LINE user id, an outbox id,
 * a photo index. Anything else (3,000 characters, `%2F`, `..`) is a 404 before Firestore sees
 * it — a document path built from it could name another collection or fail with a 500.
 */
export const PATH_PARAMS: Record<string, RegExp> = {
  ticket: /^[0-9A-Za-z-]{1,40}$/,
  userId: /^[0-9A-Za-z_-]{1,64}$/,
  id: /^[0-9A-Za-z_-]{1,64}$/,
  index: /^\d{1,2}$/,
};

export function isValidPathParam(name: string, value: unknown): boolean {
  const pattern = PATH_PARAMS[name];
  return typeof value === "string" && !!pattern && pattern.test(value);
}

/** Registers the check for every known path parameter on a router: one helper for all routes. */
export function validatePathParams(router: Router): Router {
  for (const name of Object.keys(PATH_PARAMS)) {
    router.param(name, (_req, _res, next, value) => {
      if (!isValidPathParam(name, value)) {
        next(new HttpError(404, `No such ${name === "index" ? "photo" : "resource"}`));
        return;
      }
      next();
    });
  }
  return router;
}
