import { reportSchema, type Report } from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";

export function reportRef(db: Firestore, ticket: string) {
  return db.collection(Collections.reports).doc(ticket);
}

/** `create` fails if the ticket exists, so a clash of random codes never overwrites a report. */
export function createReport(tx: Transaction, db: Firestore, report: Report): void {
  tx.create(reportRef(db, report.ticket), reportSchema.parse(report));
}

export async function listReportsOf(
  db: Firestore,
  lineUserId: string,
  limit: number,
): Promise<Report[]> {
  const snapshot = await db
    .collection(Collections.reports)
    .where("reporter.lineUserId", "==", lineUserId)
    .orderBy("createdAt", "desc")
    .limit(limit)
    .get();
  return snapshot.docs.flatMap(doc => {
    const parsed = reportSchema.safeParse(doc.data());
    return parsed.success ? [parsed.data] : [];
  });
}
