import { compareIso, CASE_STATUSES, type Case, type QueueCase, type QueueFilter } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { pageCasesInScope, type CasePageCursor } from "../repositories/cases";
import type { StaffScope } from "../repositories/users";
import { toSummary } from "./case-views";

/**
 * A page of the rest of the queue: small, because the first screen waits for it, and opening
 * the queue then costs one read per case shown whatever the province holds.
 */
export const QUEUE_PAGE = 30;
/**
 * Cases waiting for triage (status new: nobody has taken them) all come on the first page, so
 * an overdue one is never behind "older cases"; they are few unless a province is swamped,
 * and this many at most (the newest; the page says so, and the status filter "new" pages on).
 */
export const WAITING_CAP = 200;

const NOT_NEW = CASE_STATUSES.filter(status => status !== "new");

export interface QueuePageOut {
  cases: QueueCase[];
  next: CasePageCursor | null;
  waitingCapped: boolean;
}

/**
 * The staff queue, page by page. The first page carries every case waiting for triage (when
 * the status filter allows them) ranked overdue first, then the newest page of the others; the
 * pages after it page the others only, so no case comes twice. With the filter "new", the
 * waiting cases are the pages themselves, WAITING_CAP at a time.
 */
export async function queuePage(
  db: Firestore,
  scope: StaffScope,
  filter: QueueFilter,
  after: CasePageCursor | undefined,
  now: Date,
): Promise<QueuePageOut> {
  if (filter.status === "new") {
    const page = await pageCasesInScope(db, scope, filter, WAITING_CAP, after);
    return { cases: ranked(page.cases, now), next: page.next, waitingCapped: false };
  }
  const waitingFirst = !after && !filter.status;
  const [waiting, rest] = await Promise.all([
    waitingFirst
      ? pageCasesInScope(db, scope, { ...filter, status: "new" }, WAITING_CAP)
      : { cases: [], next: null },
    pageCasesInScope(db, scope, { ...filter, status: filter.status ?? NOT_NEW }, QUEUE_PAGE, after),
  ]);
  return {
    cases: ranked([...waiting.cases, ...rest.cases], now),
    next: rest.next,
    waitingCapped: waiting.next !== null,
  };
}

/** Overdue first, then urgent new, new, reopened, the rest; oldest first within each. */
function ranked(cases: Case[], now: Date): QueueCase[] {
  const at = now.toISOString();
  return cases
    .map(report => ({
      ...toSummary(report, now),
      overdue: report.status === "new" && !!report.routing && report.routing.ackDueAt <= at,
      assignee: report.assignee ?? null,
    }))
    .sort((a, b) => rank(a) - rank(b) || compareIso(a.createdAt, b.createdAt));
}

function rank(c: { status: string; overdue: boolean; urgent: boolean }): number {
  if (c.overdue) return 0;
  if (c.status === "new") return c.urgent ? 1 : 2;
  if (c.status === "reopened") return 3;
  return 4;
}
