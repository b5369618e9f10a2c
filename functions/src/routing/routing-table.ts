import { routingEntrySchema, type ReportCategory, type RoutingEntry } from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { Collections } from "../repositories/collections";

export const NATIONAL = "national";
export const DEFAULT = "default";

async function readEntry(
  tx: Transaction,
  db: Firestore,
  id: string,
): Promise<RoutingEntry | undefined> {
  const data = (await tx.get(db.collection(Collections.routing).doc(id))).data();
  if (!data) return undefined;
  const parsed = routingEntrySchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export interface Route {
  /** Which routing document decided it. */
  source: string;
  recipients: string[];
  escalation: string[];
  ackMinutes: RoutingEntry["ackMinutes"];
}

/**
 * Who hears of a new report: the staff of its province who handle its category; a province
 * with no entry uses `default`; a report with no location, or nobody to send to, goes to the
 * national 1300 centre.
 */
export async function resolveRoute(
  tx: Transaction,
  db: Firestore,
  provinceCode: string | undefined,
  category: ReportCategory,
): Promise<Route> {
  const national = (await readEntry(tx, db, NATIONAL)) ?? routingEntrySchema.parse({});
  const candidates: [string, RoutingEntry | undefined][] = provinceCode
    ? [
        [provinceCode, await readEntry(tx, db, provinceCode)],
        [DEFAULT, await readEntry(tx, db, DEFAULT)],
      ]
    : [];
  for (const [source, entry] of candidates) {
    if (!entry) continue;
    const recipients = entry.staff
      .filter(s => !s.categories || s.categories.length === 0 || s.categories.includes(category))
      .map(s => s.userId);
    if (recipients.length > 0) {
      return { source, recipients, escalation: entry.escalation, ackMinutes: entry.ackMinutes };
    }
  }
  return {
    source: NATIONAL,
    recipients: national.staff.map(s => s.userId),
    escalation: [],
    ackMinutes: national.ackMinutes,
  };
}
