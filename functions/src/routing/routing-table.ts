import { onDuty, routingEntrySchema, type CaseCategory, type RoutingEntry } from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { readRoutingEntryIn } from "../repositories/routing";
import { readRosterIn } from "../repositories/duty-rosters";

export const NATIONAL = "national";
export const DEFAULT = "default";

async function readEntry(
  tx: Transaction,
  db: Firestore,
  id: string,
): Promise<RoutingEntry | undefined> {
  return readRoutingEntryIn(tx, db, id);
}

export interface Route {
  /** Which routing document decided it. */
  source: string;
  recipients: string[];
  escalation: string[];
  ackMinutes: RoutingEntry["ackMinutes"];
  /** Urgent routes: the roster's backups for the people on duty. */
  backup: string[];
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
  category: CaseCategory | null,
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
    const recipients = entry.staff.filter(s => handles(s.categories, category)).map(s => s.userId);
    if (recipients.length > 0) {
      return {
        source,
        recipients,
        escalation: entry.escalation,
        ackMinutes: entry.ackMinutes,
        backup: [],
      };
    }
  }
  return {
    source: NATIONAL,
    recipients: national.staff.map(s => s.userId),
    escalation: [],
    ackMinutes: national.ackMinutes,
    backup: [],
  };
}

/** A report whose category is not known yet (the danger path) goes to anyone who takes cases. */
function handles(categories: string[] | undefined, category: CaseCategory | null): boolean {
  return (
    !categories || categories.length === 0 || category === null || categories.includes(category)
  );
}

/**
 * Who hears of an urgent report: the people on duty on the province's roster, with their
 * backups. A province with no shifts on its roster keeps its routing staff (so a province that
 * has not set one up still gets its urgent reports); a roster with nobody on duty now, or a
 * report with no place yet, goes to whoever is on duty at the 1300 centre, the 24-hour fallback.
 */
export async function resolveUrgentRoute(
  tx: Transaction,
  db: Firestore,
  provinceCode: string | undefined,
  category: CaseCategory | null,
  at: Date,
): Promise<Route> {
  const byRouting = await resolveRoute(tx, db, provinceCode, category);
  const roster = provinceCode ? await readRosterIn(tx, db, provinceCode) : undefined;
  const hasRoster = !!roster && roster.shifts.length > 0;
  if (provinceCode && !hasRoster && byRouting.source !== NATIONAL) return byRouting;
  // The province's escalation contacts and deadlines hold whoever is on duty.
  const entry = provinceCode ? await readEntry(tx, db, provinceCode) : undefined;
  const province = entry
    ? { escalation: entry.escalation, ackMinutes: entry.ackMinutes }
    : { escalation: byRouting.escalation, ackMinutes: byRouting.ackMinutes };
  const duty = hasRoster ? onDuty(roster, at) : { primary: [], backup: [] };
  if (duty.primary.length > 0) {
    return { ...province, source: provinceCode!, recipients: duty.primary, backup: duty.backup };
  }
  const centre = await nationalOnDuty(tx, db, at);
  return { ...province, source: NATIONAL, recipients: centre.primary, backup: centre.backup };
}

/** The 1300 centre's people on duty, or all its routing staff when it keeps no roster. */
export async function nationalOnDuty(
  tx: Transaction,
  db: Firestore,
  at: Date,
): Promise<{ primary: string[]; backup: string[] }> {
  const duty = onDuty(await readRosterIn(tx, db, NATIONAL), at);
  if (duty.primary.length > 0) return duty;
  const national = (await readEntry(tx, db, NATIONAL)) ?? routingEntrySchema.parse({});
  return { primary: national.staff.map(s => s.userId), backup: [] };
}
