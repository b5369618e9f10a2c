import { createHash, randomBytes } from "node:crypto";
import { REPORT_LIMIT_WINDOW_MS, REPORTS_PER_HOUR } from "@sa/bot";
import { FieldValue, Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import * as z from "zod/mini";
import { Collections } from "./collections";

/**
 * Abuse limits kept in Firestore, so they hold across every instance of a function:
 * - the report window: when the person's last ordinary reports were sent (sliding hour), kept
 *   in their session document (`reportsSentAt`, written with it); urgent reports never count.
 * - `rateLimits/ip_{route}_{hash}_{window}`: requests from one address in one fixed window. The
 *   address is hashed (never stored); the document expires with `expireAt` (TTL policy).
 */
function limitRef(db: Firestore, id: string) {
  return db.collection(Collections.rateLimits).doc(id);
}

/** The ordinary reports sent in the last hour, from the times kept in the person's session. */
export function recentReportsOf(sentAt: readonly string[], now: Date): Date[] {
  const windowStart = now.getTime() - REPORT_LIMIT_WINDOW_MS;
  return sentAt.map(iso => new Date(iso)).filter(at => at.getTime() > windowStart);
}

/**
 * The window to keep in the session: the last hour's reports, with `sent` (a new ordinary
 * report) added; older times are dropped, so the session keeps no more than the limit needs.
 */
export function reportWindow(recent: readonly Date[], sent?: Date): string[] {
  return [...recent, ...(sent ? [sent] : [])]
    .sort((a, b) => a.getTime() - b.getTime())
    .slice(-REPORTS_PER_HOUR)
    .map(at => at.toISOString());
}

/** An address as a key that cannot be turned back into the address. */
export function addressKey(address: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${address}`).digest("hex").slice(0, 32);
}

/**
 * Counts one request from `key` in the current fixed window. Over the limit, nothing is written
 * (a client hammering the route costs a read, not a write on a hot document); under it, the
 * count goes up with a server-side increment. Concurrent requests at the edge may let a few
 * more through than the limit: it stops floods, it is not an exact quota.
 */
export async function takeFixedWindow(
  db: Firestore,
  key: string,
  options: { limit: number; windowMs: number; now: Date },
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const window = Math.floor(options.now.getTime() / options.windowMs);
  const windowEnd = (window + 1) * options.windowMs;
  const ref = limitRef(db, `${key}_${window}`);
  const count = Number((await ref.get()).data()?.count ?? 0);
  if (count >= options.limit) {
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - options.now.getTime()) / 1000)),
    };
  }
  await ref.set(
    { count: FieldValue.increment(1), expireAt: Timestamp.fromMillis(windowEnd) },
    { merge: true },
  );
  return { allowed: true };
}

/**
 * A random salt kept in Firestore (made once, shared by every instance), so an address hash
 * in `rateLimits` cannot be turned back into the address by hashing every IPv4 address.
 */
export async function readAddressSalt(db: Firestore): Promise<string> {
  const ref = db.collection(Collections.rateLimits).doc("_salt");
  try {
    await ref.create({ salt: randomBytes(32).toString("hex") });
  } catch (error) {
    // ALREADY_EXISTS: another instance made it first.
    if ((error as { code?: number }).code !== 6) throw error;
  }
  return String((await ref.get()).data()?.salt);
}
