import { reportSchema, timelineEntrySchema, type Report, type TimelineEntry } from "@sa/core";
import type { messagingApi } from "@line/bot-sdk";
import type { Firestore } from "firebase-admin/firestore";
import { enqueuePush } from "../outbox/outbox";
import { Collections } from "./collections";
import { reportRef } from "./reports";

/** Cases are listed newest first; a volunteer rarely holds more than a few dozen. */
const LIST_LIMIT = 200;

function parseReport(data: unknown): Report | undefined {
  const parsed = reportSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export async function readCase(db: Firestore, ticket: string): Promise<Report | undefined> {
  return parseReport((await reportRef(db, ticket).get()).data());
}

export async function listCasesAssignedTo(db: Firestore, userId: string): Promise<Report[]> {
  const snapshot = await db
    .collection(Collections.reports)
    .where("assignee.userId", "==", userId)
    .orderBy("createdAt", "desc")
    .limit(LIST_LIMIT)
    .get();
  return snapshot.docs.flatMap(doc => parseReport(doc.data()) ?? []);
}

function timelineRef(db: Firestore, ticket: string) {
  return reportRef(db, ticket).collection(Collections.timeline);
}

export async function listTimeline(db: Firestore, ticket: string): Promise<TimelineEntry[]> {
  const snapshot = await timelineRef(db, ticket).orderBy("at").get();
  return snapshot.docs.flatMap(doc => {
    const parsed = timelineEntrySchema.safeParse(doc.data());
    return parsed.success ? [parsed.data] : [];
  });
}

/** What a change to a case does besides its timeline entry: fields to set, pushes to send. */
export interface CasePlan {
  update: Partial<Report>;
  pushes: { to: string; messages: messagingApi.Message[]; reason: string }[];
}

/**
 * Adds a timeline entry keyed by the caller's id, the change it makes to the case, and the
 * pushes it causes (into the outbox), in one transaction. The same id again returns the entry
 * already written: a phone that lost its connection after sending, and sends again, or LINE
 * redelivering a postback, never writes or notifies twice. `plan` may throw to refuse.
 */
export async function addTimelineEntry(
  db: Firestore,
  ticket: string,
  entry: TimelineEntry,
  plan: (report: Report) => CasePlan,
  now: Date,
): Promise<{ entry: TimelineEntry; created: boolean; report: Report }> {
  return db.runTransaction(async tx => {
    const ref = timelineRef(db, ticket).doc(entry.id);
    const existing = await tx.get(ref);
    const report = parseReport((await tx.get(reportRef(db, ticket))).data());
    if (!report) throw new Error(`case ${ticket} vanished`);
    if (existing.exists) {
      return { entry: timelineEntrySchema.parse(existing.data()), created: false, report };
    }
    const { update, pushes } = plan(report);
    tx.create(ref, entry);
    tx.update(reportRef(db, ticket), { ...update, updatedAt: entry.at });
    for (const push of pushes) enqueuePush(tx, db, { ...push, ticket }, now);
    return { entry, created: true, report: { ...report, ...update } };
  });
}
