import { CASE_CATEGORIES, CASE_STATUSES, caseSchema, type Case } from "@sa/core";
import type { Firestore, Query } from "firebase-admin/firestore";
import { casesInScope } from "./cases";
import type { StaffScope } from "./users";

/** How many of the latest acknowledged and resolved cases the dashboard's medians use. */
const SAMPLE = 200;

export interface CaseCounts {
  total: number;
  byStatus: number[];
  byCategory: number[];
  byWeek: number[];
  overdue: number;
  /** The latest acknowledged and resolved cases, parsed (one that no longer fits is left out). */
  acknowledged: Case[];
  resolved: Case[];
}

async function count(q: Query): Promise<number> {
  return (await q.count().get()).data().count;
}

function parsed(docs: { data(): unknown }[]): Case[] {
  return docs.flatMap(d => {
    const result = caseSchema.safeParse(d.data());
    return result.success ? [result.data] : [];
  });
}

/**
 * The numbers behind a scope's dashboard. Counts are Firestore aggregation queries (billed per
 * 1,000 index entries, never a read of every case), in the order of CASE_STATUSES,
 * CASE_CATEGORIES and `weeks`; only the two median samples read documents.
 */
export async function countCasesInScope(
  db: Firestore,
  scope: StaffScope,
  weeks: { start: Date; end: Date }[],
  now: Date,
): Promise<CaseCounts> {
  const cases = casesInScope(db, scope);
  const [total, byStatus, byCategory, byWeek, overdue, acknowledged, resolved] = await Promise.all([
    count(cases),
    Promise.all(CASE_STATUSES.map(s => count(cases.where("status", "==", s)))),
    Promise.all(CASE_CATEGORIES.map(c => count(cases.where("category", "==", c)))),
    Promise.all(
      weeks.map(w =>
        count(
          cases
            .where("createdAt", ">=", w.start.toISOString())
            .where("createdAt", "<", w.end.toISOString()),
        ),
      ),
    ),
    count(cases.where("status", "==", "new").where("routing.ackDueAt", "<=", now.toISOString())),
    cases
      .where("acknowledgedBy.at", ">", "")
      .orderBy("acknowledgedBy.at", "desc")
      .limit(SAMPLE)
      .get(),
    cases.where("resolvedAt", ">", "").orderBy("resolvedAt", "desc").limit(SAMPLE).get(),
  ]);
  return {
    total,
    byStatus,
    byCategory,
    byWeek,
    overdue,
    acknowledged: parsed(acknowledged.docs),
    resolved: parsed(resolved.docs),
  };
}
