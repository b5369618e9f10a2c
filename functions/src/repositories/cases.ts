import { reportSchema, timelineEntrySchema, type Report, type TimelineEntry } from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
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

/**
 * Adds a timeline entry keyed by the client's id, with the change it makes to the case, in
 * one transaction. The same id again returns the entry already written: a phone that lost
 * its connection after sending, and sends again, never writes twice.
 */
export async function addTimelineEntry(
  db: Firestore,
  ticket: string,
  entry: TimelineEntry,
  change: (report: Report, tx: Transaction) => Partial<Report>,
): Promise<{ entry: TimelineEntry; created: boolean }> {
  return db.runTransaction(async tx => {
    const ref = timelineRef(db, ticket).doc(entry.id);
    const existing = await tx.get(ref);
    if (existing.exists)
      return { entry: timelineEntrySchema.parse(existing.data()), created: false };
    const report = parseReport((await tx.get(reportRef(db, ticket))).data());
    if (!report) throw new Error(`case ${ticket} vanished`);
    const update = change(report, tx);
    tx.create(ref, entry);
    tx.update(reportRef(db, ticket), { ...update, updatedAt: entry.at });
    return { entry, created: true };
  });
}
