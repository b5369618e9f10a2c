import { caseSchema } from "@sa/core";
import { randomBytes } from "node:crypto";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { languagesOf, queueNotices, withdrawnNotices, type NoticeOptions } from "../cases/notices";
import { Collections } from "./collections";
import { caseRef } from "./case-records";

/** A citizen with more reports than this is erased in several steps (see eraseReporterIn). */
export const ERASE_BATCH = 100;

/** What an erase did, for the reply and the tests: never who asked. */
export interface Erasure {
  requestId: string;
  /** Tickets unlinked in this step. */
  tickets: string[];
  /** More reports still carry the citizen's id (over ERASE_BATCH): erase again to finish. */
  more: boolean;
}

/** A short id the citizen can quote to the 1300 centre; it names nobody. */
export function newErasureRequestId(): string {
  return `ER-${randomBytes(5).toString("hex").toUpperCase()}`;
}

/**
 * The right to erasure, in the caller's transaction (all reads first, then all writes):
 * the citizen's reports lose the LINE id and phone (`reporter.lineUserId: null`, `erasedAt`),
 * their session and `users/{id}` profile are deleted (not a staff or volunteer account, which
 * the ministry manages), pushes still waiting to go to them are deleted, staff on each open
 * case are told (ticket only), and an audit entry records the request by its id alone.
 * The facts of each case stay: staff must still protect the person it is about (PDPA s.33).
 */
export async function eraseReporterIn(
  tx: Transaction,
  db: Firestore,
  lineUserId: string,
  options: NoticeOptions,
  requestId = newErasureRequestId(),
): Promise<Erasure> {
  const { now } = options;
  const reports = await tx.get(
    db
      .collection(Collections.cases)
      .where("reporter.lineUserId", "==", lineUserId)
      .limit(ERASE_BATCH + 1),
  );
  const pending = await tx.get(
    db
      .collection(Collections.outbox)
      .where("to", "==", lineUserId)
      .where("status", "==", "pending"),
  );
  const userRef = db.collection(Collections.users).doc(lineUserId);
  const user = (await tx.get(userRef)).data();
  const docs = reports.docs.slice(0, ERASE_BATCH);
  const parsed = docs.flatMap(doc => {
    const result = caseSchema.safeParse(doc.data());
    return result.success ? [result.data] : [];
  });
  const told = parsed.map(report => ({ ticket: report.ticket, notices: withdrawnNotices(report) }));
  const languages = await languagesOf(
    tx,
    db,
    told.flatMap(t => t.notices),
  );

  const at = now.toISOString();
  // Field paths, so a report that does not parse still loses the id it is linked by.
  for (const doc of docs) {
    tx.update(doc.ref, {
      "reporter.lineUserId": null,
      "reporter.phone": null,
      "reporter.erasedAt": at,
      updatedAt: at,
    });
  }
  for (const { ticket, notices } of told) {
    queueNotices(tx, db, ticket, notices, languages, options);
  }
  for (const doc of pending.docs) tx.delete(doc.ref);
  // With the session go its event ids and the report window (times keyed by the LINE id).
  tx.delete(db.collection(Collections.sessions).doc(lineUserId));
  // Where the window was kept before it moved into the session (gone within its hour's TTL).
  tx.delete(db.collection(Collections.rateLimits).doc(`report_${lineUserId}`));
  const role = typeof user?.role === "string" ? user.role : "citizen";
  if (user && role === "citizen") tx.delete(userRef);
  const tickets = docs.map(doc => doc.id);
  tx.create(db.collection(Collections.audit).doc(), {
    // Who asked is exactly what was erased: the entry names the request, never the person.
    actor: "citizen",
    role: "citizen",
    action: "erase_reporter",
    target: requestId,
    detail: JSON.stringify({ tickets, cancelledPushes: pending.size }),
    at: FieldValue.serverTimestamp(),
  });
  return { requestId, tickets, more: reports.size > ERASE_BATCH };
}

/**
 * Unlinks every report of a citizen, a batch per transaction, under one request id: what the
 * webhook's own transaction left (more than ERASE_BATCH reports) is finished here.
 */
export async function eraseReporter(
  db: Firestore,
  lineUserId: string,
  options: NoticeOptions,
  requestId = newErasureRequestId(),
): Promise<Erasure> {
  const tickets: string[] = [];
  for (;;) {
    const step = await db.runTransaction(tx =>
      eraseReporterIn(tx, db, lineUserId, options, requestId),
    );
    tickets.push(...step.tickets);
    if (!step.more) return { requestId, tickets, more: false };
  }
}
