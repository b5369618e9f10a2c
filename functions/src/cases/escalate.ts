import { staffCaseAlert } from "@sa/bot";
import { reportSchema, routingEntrySchema, translator } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { enqueuePush } from "../outbox/outbox";
import { Collections } from "../repositories/collections";
import { reportRef } from "../repositories/reports";
import { NATIONAL } from "../routing/routing-table";
import { caseUrl } from "./case-links";

/**
 * Cases nobody acknowledged in time go up one step per sweep after their deadline: first to
 * the province's escalation contacts, then (one more deadline later) to the national 1300
 * centre. Each step is taken once, in a transaction that re-reads the case, however often
 * the sweep runs.
 */
export async function escalateOverdue(
  db: Firestore,
  options: { now: Date; liffBaseUrl: string },
): Promise<number> {
  const overdue = await db
    .collection(Collections.reports)
    .where("status", "==", "new")
    .where("routing.ackDueAt", "<=", options.now.toISOString())
    .limit(200)
    .get();
  let escalated = 0;
  for (const doc of overdue.docs) {
    const stepped = await db.runTransaction(async tx => {
      const parsed = reportSchema.safeParse((await tx.get(reportRef(db, doc.id))).data());
      if (!parsed.success) return false;
      const report = parsed.data;
      const routing = report.routing;
      if (report.status !== "new" || !routing || routing.escalationLevel >= 2) return false;
      if (Date.parse(routing.ackDueAt) > options.now.getTime()) return false;
      const national = routingEntrySchema.safeParse(
        (await tx.get(db.collection(Collections.routing).doc(NATIONAL))).data() ?? {},
      );
      const level = routing.escalationLevel === 0 && routing.escalation.length > 0 ? 1 : 2;
      const recipients =
        level === 1
          ? routing.escalation
          : national.success
            ? national.data.staff.map(s => s.userId)
            : [];
      const window = Date.parse(routing.ackDueAt) - Date.parse(report.createdAt);
      tx.update(reportRef(db, doc.id), {
        "routing.escalationLevel": level,
        "routing.ackDueAt": new Date(options.now.getTime() + window).toISOString(),
      });
      const t = translator("th");
      for (const to of recipients) {
        const message = staffCaseAlert(report, t, "th", {
          caseUrl: caseUrl(options.liffBaseUrl, report.ticket),
          escalated: true,
        });
        enqueuePush(
          tx,
          db,
          {
            to,
            messages: [message],
            reason: `staff.escalated.${level}`,
            ticket: report.ticket,
            urgent: report.urgent,
          },
          options.now,
        );
      }
      return true;
    });
    if (stepped) escalated++;
  }
  return escalated;
}
