import { caseSchema, timelineEntrySchema, type Case, type TimelineEntry } from "@sa/core";
import type { messagingApi } from "@line/bot-sdk";
import { FieldPath, type Firestore, type Query, type Transaction } from "firebase-admin/firestore";
import { enqueuePush } from "../outbox/outbox";
import { Collections } from "./collections";
import { readCaseIn, caseRef } from "./case-records";
import type { StaffScope } from "./users";

/** Cases are listed newest first; a volunteer rarely holds more than a few dozen. */
const LIST_LIMIT = 200;

function parseCase(data: unknown): Case | undefined {
  const parsed = caseSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export async function readCase(db: Firestore, ticket: string): Promise<Case | undefined> {
  return parseCase((await caseRef(db, ticket).get()).data());
}

export async function listCasesAssignedTo(db: Firestore, userId: string): Promise<Case[]> {
  const snapshot = await db
    .collection(Collections.cases)
    .where("assignee.userId", "==", userId)
    .orderBy("createdAt", "desc")
    .limit(LIST_LIMIT)
    .get();
  return snapshot.docs.flatMap(doc => parseCase(doc.data()) ?? []);
}

function timelineRef(db: Firestore, ticket: string) {
  return caseRef(db, ticket).collection(Collections.timeline);
}

export async function listTimeline(db: Firestore, ticket: string): Promise<TimelineEntry[]> {
  const snapshot = await timelineRef(db, ticket).orderBy("at").get();
  return snapshot.docs.flatMap(doc => {
    const parsed = timelineEntrySchema.safeParse(doc.data());
    return parsed.success ? [parsed.data] : [];
  });
}

/** One timeline entry (a visit, to find its photos), or undefined when there is none. */
export async function readTimelineEntry(
  db: Firestore,
  ticket: string,
  id: string,
): Promise<TimelineEntry | undefined> {
  const parsed = timelineEntrySchema.safeParse(
    (await timelineRef(db, ticket).doc(id).get()).data(),
  );
  return parsed.success ? parsed.data : undefined;
}

/** What a change to a case does besides its timeline entry: fields to set, pushes to send. */
export interface CasePlan {
  update: Partial<Case>;
  pushes: { to: string; messages: messagingApi.Message[]; reason: string; urgent?: boolean }[];
}

/** The timeline entry already written under `id` (a retried change), read in the transaction. */
export async function readTimelineEntryIn(
  tx: Transaction,
  db: Firestore,
  ticket: string,
  id: string,
): Promise<TimelineEntry | undefined> {
  const snapshot = await tx.get(timelineRef(db, ticket).doc(id));
  if (!snapshot.exists) return undefined;
  return timelineEntrySchema.parse(snapshot.data());
}

export { readCaseIn };

/**
 * Writes a change in the caller's transaction: the timeline entry keyed by the caller's id
 * (`create`, so a concurrent twin fails instead of overwriting), the case's new fields, and the
 * pushes it causes (into the outbox).
 */
export function writeCaseChange(
  tx: Transaction,
  db: Firestore,
  ticket: string,
  entry: TimelineEntry,
  plan: CasePlan,
  now: Date,
): void {
  tx.create(timelineRef(db, ticket).doc(entry.id), entry);
  tx.update(caseRef(db, ticket), { ...plan.update, updatedAt: entry.at });
  for (const push of plan.pushes) enqueuePush(tx, db, { ...push, ticket }, now);
}

/** The cases a staff scope covers, as a query to filter further. */
export function casesInScope(db: Firestore, scope: StaffScope): Query {
  const reports = db.collection(Collections.cases);
  return scope.kind === "province"
    ? reports.where("location.area.provinceCode", "==", scope.provinceCode)
    : reports;
}

/** The newest cases of a scope matching a filter, parsed (unreadable ones are left out). */
export async function listCasesInScope(
  db: Firestore,
  scope: StaffScope,
  filter: CaseFilter,
  limit: number,
): Promise<Case[]> {
  const snapshot = await filteredQuery(casesInScope(db, scope), filter, limit).get();
  return snapshot.docs.flatMap(doc => parseCase(doc.data()) ?? []);
}

/** Where a page of a scope's cases ends: the last case's creation time and ticket. */
export interface CasePageCursor {
  createdAt: string;
  ticket: string;
}

/**
 * One page of a scope's cases matching a filter, newest first, after `after` (the previous
 * page's `next`). Reads are one per case on the page, however many the scope holds; `next` is
 * null on the last page. The ticket breaks ties of creation time, so no case is skipped.
 */
export async function pageCasesInScope(
  db: Firestore,
  scope: StaffScope,
  filter: CaseFilter,
  size: number,
  after?: CasePageCursor,
): Promise<{ cases: Case[]; next: CasePageCursor | null }> {
  // Firestore's indexes end with the document id in the direction of the last order: the
  // same index as the unpaged query's.
  let q = filteredQuery(casesInScope(db, scope), filter, size).orderBy(
    FieldPath.documentId(),
    "desc",
  );
  if (after) q = q.startAfter(after.createdAt, after.ticket);
  const snapshot = await q.get();
  const last = snapshot.docs.at(-1);
  return {
    cases: snapshot.docs.flatMap(doc => parseCase(doc.data()) ?? []),
    next:
      last && snapshot.size === size
        ? { createdAt: String(last.get("createdAt")), ticket: last.id }
        : null,
  };
}

/**
 * What the queue and the export filter by; a list of statuses means any of them (`in`, served
 * by the same index as one status).
 */
export interface CaseFilter {
  status?: string | readonly string[];
  category?: string;
  districtCode?: string;
}

/**
 * The queue and its CSV export: the scope, the filter's equalities, newest first. Every
 * combination of filters needs a composite index (test/unit/firestore-indexes.test.ts
 * enumerates them against firestore.indexes.json).
 */
export function filteredQuery(scope: Query, filter: CaseFilter, limit: number): Query {
  let q = scope;
  if (typeof filter.status === "string") q = q.where("status", "==", filter.status);
  else if (filter.status) q = q.where("status", "in", filter.status);
  if (filter.category) q = q.where("category", "==", filter.category);
  if (filter.districtCode) q = q.where("location.area.districtCode", "==", filter.districtCode);
  return q.orderBy("createdAt", "desc").limit(limit);
}
