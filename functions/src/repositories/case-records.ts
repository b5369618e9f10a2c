import { caseSchema, type Case } from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";

export function caseRef(db: Firestore, ticket: string) {
  return db.collection(Collections.cases).doc(ticket);
}

/** The report as stored, parsed; undefined when missing or unreadable. */
export async function readCaseIn(
  tx: Transaction,
  db: Firestore,
  ticket: string,
): Promise<Case | undefined> {
  const parsed = caseSchema.safeParse((await tx.get(caseRef(db, ticket))).data());
  return parsed.success ? parsed.data : undefined;
}

/**
 * A report read in the caller's transaction, or why it could not be: missing, or stored in a
 * shape the schema refuses (the paths of the fields at fault, never their values).
 */
export async function readReportOrProblemIn(
  tx: Transaction,
  db: Firestore,
  ticket: string,
): Promise<
  { report: Case } | { problem: "missing" } | { problem: "unreadable"; fields: string[] }
> {
  const snapshot = await tx.get(caseRef(db, ticket));
  if (!snapshot.exists) return { problem: "missing" };
  const parsed = caseSchema.safeParse(snapshot.data());
  if (parsed.success) return { report: parsed.data };
  const fields = [...new Set(parsed.error.issues.map(issue => issue.path.join(".") || "(root)"))];
  return { problem: "unreadable", fields: fields.slice(0, 20) };
}

/** `create` fails if the ticket exists, so a clash of random codes never overwrites a report. */
export function createCase(tx: Transaction, db: Firestore, report: Case): void {
  // photosRemovedAt: null lets the retention sweep find closed cases whose photos remain.
  tx.create(caseRef(db, report.ticket), {
    ...caseSchema.parse(report),
    photosRemovedAt: report.photosRemovedAt ?? null,
  });
}

export async function listCasesOf(
  db: Firestore,
  lineUserId: string,
  limit: number,
): Promise<Case[]> {
  const snapshot = await db
    .collection(Collections.cases)
    .where("reporter.lineUserId", "==", lineUserId)
    .orderBy("createdAt", "desc")
    .limit(limit)
    .get();
  return snapshot.docs.flatMap(doc => {
    const parsed = caseSchema.safeParse(doc.data());
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The number this person gave in their latest reports, so the chat can offer it again instead
 * of asking them to type it (LINE never tells a bot a user's number). Only their own reports:
 * an erased citizen is unlinked from theirs and is asked afresh.
 */
export async function latestPhoneOf(
  db: Firestore,
  lineUserId: string,
): Promise<string | undefined> {
  const reports = await listCasesOf(db, lineUserId, 5);
  return reports.find(report => report.reporter.phone)?.reporter.phone ?? undefined;
}

/** Whether a ticket code is already used: new codes are random, so a clash is possible. */
export async function ticketTakenIn(
  tx: Transaction,
  db: Firestore,
  ticket: string,
): Promise<boolean> {
  return (await tx.get(caseRef(db, ticket))).exists;
}

/** Tickets of untaken cases whose next escalation step is due (the sweep takes them). */
export async function listOverdueSteps(db: Firestore, now: Date, limit = 200): Promise<string[]> {
  const snapshot = await db
    .collection(Collections.cases)
    .where("status", "==", "new")
    .where("routing.nextStepAt", "<=", now.toISOString())
    .limit(limit)
    .get();
  return snapshot.docs.map(doc => doc.id);
}

/** Tickets of cases with an open follow-up due on one of `dates` (YYYY-MM-DD, at most 30). */
export async function listFollowUpsDueOn(
  db: Firestore,
  dates: string[],
  limit = 500,
): Promise<string[]> {
  const snapshot = await db
    .collection(Collections.cases)
    .where("followUp.due", "in", dates)
    .limit(limit)
    .get();
  return snapshot.docs.map(doc => doc.id);
}

/** Tickets of reports created before `before` that nothing has routed yet. */
export async function listUnrouted(db: Firestore, before: Date, limit = 100): Promise<string[]> {
  const snapshot = await db
    .collection(Collections.cases)
    .where("routedAt", "==", null)
    .where("createdAt", "<=", before.toISOString())
    .limit(limit)
    .get();
  return snapshot.docs.map(doc => doc.id);
}

/** Counts a failed routing attempt; returns how many there have been. */
export async function countRoutingFailure(db: Firestore, ticket: string): Promise<number> {
  return db.runTransaction(async tx => {
    const ref = caseRef(db, ticket);
    const failures = Number((await tx.get(ref)).get("routingFailures") ?? 0) + 1;
    tx.update(ref, { routingFailures: failures });
    return failures;
  });
}

/** Whether the report exists and is still waiting to be routed. */
export async function isUnrouted(db: Firestore, ticket: string): Promise<boolean> {
  const snapshot = await caseRef(db, ticket).get();
  return snapshot.exists && snapshot.get("routedAt") === null;
}

/** Closed cases, unchanged since `cutoff`, whose photos are still kept: their ticket and files. */
export async function listClosedWithPhotos(
  db: Firestore,
  cutoff: Date,
  limit: number,
): Promise<{ ticket: string; photos: string[]; media: string[] }[]> {
  const snapshot = await db
    .collection(Collections.cases)
    .where("status", "==", "closed")
    .where("photosRemovedAt", "==", null)
    .where("updatedAt", "<=", cutoff.toISOString())
    .limit(limit)
    .get();
  return snapshot.docs.map(doc => {
    const paths: unknown = doc.get("photos");
    const photos = Array.isArray(paths)
      ? paths.filter((p): p is string => typeof p === "string")
      : [];
    // Voice notes and videos are files in the same store, kept no longer than the photos.
    const media = caseSchema.shape.media.safeParse(doc.get("media"));
    return { ticket: doc.id, photos, media: (media.data ?? []).map(item => item.path) };
  });
}

/**
 * Records that a closed case's photos were deleted — unless it changed meanwhile (reopened,
 * updated), in which case it is left for later. True when recorded.
 */
export async function markPhotosRemoved(
  db: Firestore,
  ticket: string,
  cutoff: Date,
  now: Date,
): Promise<boolean> {
  return db.runTransaction(async tx => {
    const ref = caseRef(db, ticket);
    const current = await tx.get(ref);
    const still =
      current.get("status") === "closed" &&
      current.get("photosRemovedAt") === null &&
      String(current.get("updatedAt")) <= cutoff.toISOString();
    if (!still) return false;
    tx.update(ref, { photos: [], media: [], photosRemovedAt: now.toISOString() });
    return true;
  });
}
