import { CASE_CATEGORIES, CASE_STATUSES, caseSchema, type Dashboard } from "@sa/core";
import type { Query } from "firebase-admin/firestore";

const WEEKS = 8;
const SAMPLE = 200;

async function count(q: Query): Promise<number> {
  return (await q.count().get()).data().count;
}

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

/**
 * The province's numbers. Counts are Firestore aggregation queries (billed per 1,000 index
 * entries, never a read of every case); the two medians use the latest cases only.
 */
export async function buildDashboard(
  scope: Query,
  now: Date,
): Promise<Omit<Dashboard, "benefitsFound" | "followUps">> {
  const iso = now.toISOString();
  const weeks = Array.from({ length: WEEKS }, (_, i) => {
    const start = weekStart(new Date(now.getTime() - (WEEKS - 1 - i) * 7 * 86_400_000));
    return { start, end: new Date(start.getTime() + 7 * 86_400_000) };
  });
  const [total, statusCounts, categoryCounts, weekCounts, overdue, acknowledged, resolved] =
    await Promise.all([
      count(scope),
      Promise.all(CASE_STATUSES.map(s => count(scope.where("status", "==", s)))),
      Promise.all(CASE_CATEGORIES.map(c => count(scope.where("category", "==", c)))),
      Promise.all(
        weeks.map(w =>
          count(
            scope
              .where("createdAt", ">=", w.start.toISOString())
              .where("createdAt", "<", w.end.toISOString()),
          ),
        ),
      ),
      count(scope.where("status", "==", "new").where("routing.ackDueAt", "<=", iso)),
      scope
        .where("acknowledgedBy.at", ">", "")
        .orderBy("acknowledgedBy.at", "desc")
        .limit(SAMPLE)
        .get(),
      scope.where("resolvedAt", ">", "").orderBy("resolvedAt", "desc").limit(SAMPLE).get(),
    ]);
  const minutes = (from: string, to: string | undefined) =>
    to ? (Date.parse(to) - Date.parse(from)) / 60_000 : undefined;
  // Parsed like every read: a case that no longer fits the schema is left out of the sample.
  const sample = (docs: { data(): unknown }[]) =>
    docs.flatMap(d => {
      const parsed = caseSchema.safeParse(d.data());
      return parsed.success ? [parsed.data] : [];
    });
  const ackTimes = sample(acknowledged.docs).flatMap(
    r => minutes(r.createdAt, r.acknowledgedBy?.at) ?? [],
  );
  const resolveTimes = sample(resolved.docs).flatMap(r => minutes(r.createdAt, r.resolvedAt) ?? []);
  return {
    total,
    byStatus: Object.fromEntries(
      CASE_STATUSES.map((s, i) => [s, statusCounts[i]!]),
    ) as Dashboard["byStatus"],
    byCategory: Object.fromEntries(
      CASE_CATEGORIES.map((c, i) => [c, categoryCounts[i]!]),
    ) as Dashboard["byCategory"],
    byWeek: weeks.map((w, i) => ({ weekStart: w.start.toISOString(), count: weekCounts[i]! })),
    overdue,
    medianMinutesToAcknowledge: median(ackTimes),
    medianMinutesToResolve: median(resolveTimes),
    sampleSize: Math.max(ackTimes.length, resolveTimes.length),
  };
}
