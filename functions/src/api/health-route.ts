import type { Request, Response } from "express";
import type { Firestore } from "firebase-admin/firestore";
import type { RaiseAlert } from "../alerts/alerts";
import { pendingPushBacklog } from "../repositories/outbox";

/** Firestore retries an unreachable backend for a minute; an uptime check wants an answer. */
const FIRESTORE_TIMEOUT_MS = 5_000;

export type HealthAnswer =
  | {
      ok: true;
      firestore: "reachable";
      outboxBacklog: number;
      oldestPendingAgeSeconds: number | null;
    }
  | { ok: false; firestore: "unreachable"; outboxBacklog: null; oldestPendingAgeSeconds: null };

/**
 * GET /health, for operators and uptime checks: 200 with the push backlog while Firestore
 * answers, 503 when it does not. Counts and an age only, nothing about anyone; no sign-in,
 * so an uptime check needs no token.
 */
export function healthRoute(
  now: () => Date,
  deps: () => Promise<{ db: Firestore }>,
  alert: RaiseAlert,
) {
  return async (_req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    let answer: HealthAnswer;
    try {
      const backlog = await withTimeout(
        deps().then(({ db }) => pendingPushBacklog(db)),
        FIRESTORE_TIMEOUT_MS,
      );
      const oldestMs = backlog.oldestQueuedAt ? Date.parse(backlog.oldestQueuedAt) : NaN;
      answer = {
        ok: true,
        firestore: "reachable",
        outboxBacklog: backlog.count,
        oldestPendingAgeSeconds: Number.isNaN(oldestMs)
          ? null
          : Math.max(0, Math.floor((now().getTime() - oldestMs) / 1000)),
      };
    } catch (error) {
      alert("health_firestore_unreachable", "health check: Firestore did not answer", {
        error: String(error).slice(0, 200),
      });
      answer = {
        ok: false,
        firestore: "unreachable",
        outboxBacklog: null,
        oldestPendingAgeSeconds: null,
      };
    }
    res.status(answer.ok ? 200 : 503).json(answer);
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
