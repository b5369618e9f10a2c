import { CASE_CATEGORIES, CASE_STATUSES, type Dashboard } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { countCasesInScope } from "../repositories/case-counts";
import type { StaffScope } from "../repositories/users";

const WEEKS = 8;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Monday 00:00 in Bangkok (UTC+7, no daylight saving) of the week containing `at`, as UTC. */
export function weekStart(at: Date): Date {
  const bangkok = new Date(at.getTime() + 7 * 3_600_000);
  const day = (bangkok.getUTCDay() + 6) % 7;
  const monday = Date.UTC(
    bangkok.getUTCFullYear(),
    bangkok.getUTCMonth(),
    bangkok.getUTCDate() - day,
  );
  return new Date(monday - 7 * 3_600_000);
}

/** The province's numbers (or the nation's), from aggregation counts and two small samples. */
export async function buildDashboard(
  db: Firestore,
  scope: StaffScope,
  now: Date,
): Promise<Omit<Dashboard, "benefitsFound" | "followUps">> {
  const weeks = Array.from({ length: WEEKS }, (_, i) => {
    const start = weekStart(new Date(now.getTime() - (WEEKS - 1 - i) * 7 * 86_400_000));
    return { start, end: new Date(start.getTime() + 7 * 86_400_000) };
  });
  const counts = await countCasesInScope(db, scope, weeks, now);
  const minutes = (from: string, to: string | undefined) =>
    to ? (Date.parse(to) - Date.parse(from)) / 60_000 : undefined;
  const ackTimes = counts.acknowledged.flatMap(
    r => minutes(r.createdAt, r.acknowledgedBy?.at) ?? [],
  );
  const resolveTimes = counts.resolved.flatMap(r => minutes(r.createdAt, r.resolvedAt) ?? []);
  return {
    total: counts.total,
    byStatus: Object.fromEntries(
      CASE_STATUSES.map((s, i) => [s, counts.byStatus[i]!]),
    ) as Dashboard["byStatus"],
    byCategory: Object.fromEntries(
      CASE_CATEGORIES.map((c, i) => [c, counts.byCategory[i]!]),
    ) as Dashboard["byCategory"],
    byWeek: weeks.map((w, i) => ({ weekStart: w.start.toISOString(), count: counts.byWeek[i]! })),
    overdue: counts.overdue,
    medianMinutesToAcknowledge: median(ackTimes),
    medianMinutesToResolve: median(resolveTimes),
    sampleSize: Math.max(ackTimes.length, resolveTimes.length),
  };
}
