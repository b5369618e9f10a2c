import type { NextFunction, Request, Response } from "express";
import type { Firestore } from "firebase-admin/firestore";
import { alertToStdout, type RaiseAlert } from "../alerts/alerts";
import { addressKey, readAddressSalt, takeFixedWindow } from "../repositories/rate-limits";
import { HttpError } from "./http-error";

let salt: Promise<string> | undefined;

/** The address salt, read once per instance (see `readAddressSalt`). */
function addressSalt(db: Firestore): Promise<string> {
  salt ??= readAddressSalt(db).catch(error => {
    salt = undefined;
    throw error;
  });
  return salt;
}

/**
 * Per-address limit on a public route, counted in Firestore in fixed windows so that it holds
 * across every instance (an in-memory limit is per instance, and Cloud Functions runs many).
 * In production, Cloud Armor in front of the function (a rate-based rule) stops a flood before
 * it costs an invocation; this is the limit that needs no extra infrastructure.
 *
 * It fails open: when the count cannot be kept (Firestore down or refusing), the request goes
 * through and a `rate_limiter_unavailable` warning is logged. It guards public routes that
 * hold no personal data (the eligibility check), where locking every citizen out is worse
 * than serving a flood for a while; Cloud Armor, if set up, still limits in front.
 */
export function ipRateLimit(options: {
  route: string;
  limit: number;
  windowMs: number;
  deps: () => Promise<{ db: Firestore }>;
  now: () => Date;
  alert?: RaiseAlert;
}) {
  const alert = options.alert ?? alertToStdout;
  return async (req: Request, _res: Response, next: NextFunction) => {
    let taken: Awaited<ReturnType<typeof takeFixedWindow>>;
    try {
      taken = await take(req);
    } catch (error) {
      alert("rate_limiter_unavailable", "public rate limit skipped: its store failed", {
        route: options.route,
        error: String(error).slice(0, 200),
      });
      next();
      return;
    }
    if (!taken.allowed) {
      throw new HttpError(
        429,
        "Too many requests from this address: please try again shortly",
        undefined,
        "rate_limited",
        taken.retryAfterSeconds,
      );
    }
    next();
  };

  async function take(req: Request) {
    const { db } = await options.deps();
    // Inside the Functions emulator `req.ip` is unset; fall back to the socket's address.
    // IPv6 clients are grouped by /56 subnet, as one household or phone gets a whole prefix.
    // Loaded on the first limited request, not at import: the webhook never needs it.
    const { ipKeyGenerator } = await import("express-rate-limit");
    const address = ipKeyGenerator(req.ip ?? req.socket?.remoteAddress ?? "unknown");
    const key = `ip_${options.route}_${addressKey(address, await addressSalt(db))}`;
    return takeFixedWindow(db, key, {
      limit: options.limit,
      windowMs: options.windowMs,
      now: options.now(),
    });
  }
}
