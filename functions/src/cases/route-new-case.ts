import type { Firestore } from "firebase-admin/firestore";
import { alertToStdout, type RaiseAlert } from "../alerts/alerts";
import { readReportOrProblemIn, caseRef } from "../repositories/case-records";
import { resolveRoute, resolveUrgentRoute } from "../routing/routing-table";
import { ladderFor, nextStepAt } from "./escalation-ladder";
import { alertNotices, languagesOf, queueNotices, type NoticeOptions } from "./notices";

export type RoutingOptions = NoticeOptions & {
  /** Structured alerts (see alerts/alerts.ts); one JSON line on stdout unless given. */
  alert?: RaiseAlert;
};

/**
 * Runs once a report exists: picks the staff to tell (the people on duty for an urgent one),
 * queues their pushes and sets when it is due and when escalation starts. Idempotent: a
 * trigger delivered twice, or the sweep recovering a report the trigger failed on, finds
 * `routing` set and does nothing.
 */
export async function routeNewCase(
  db: Firestore,
  ticket: string,
  options: RoutingOptions,
): Promise<string[]> {
  let recipients: string[] = [];
  const unreadable = await db.runTransaction(async tx => {
    recipients = [];
    const read = await readReportOrProblemIn(tx, db, ticket);
    // Nobody can be told of a report that does not parse: say so loudly; the stranded sweep
    // tries again each minute and tells the 1300 centre after a few failures.
    if ("problem" in read) return read.problem === "unreadable" ? read.fields : undefined;
    const report = read.report;
    if (report.routing) return undefined;
    const province = report.location?.area?.provinceCode;
    const route = report.urgent
      ? await resolveUrgentRoute(tx, db, province, report.category, options.now)
      : await resolveRoute(tx, db, province, report.category);
    const deadline = report.urgent ? route.ackMinutes.urgent : route.ackMinutes.normal;
    const notices = alertNotices(report, route.recipients, "staff.new_case");
    const languages = await languagesOf(tx, db, notices);
    tx.update(caseRef(db, ticket), {
      routedAt: options.now.toISOString(),
      routing: {
        source: route.source,
        recipients: route.recipients,
        escalation: route.escalation,
        backup: route.backup,
        alerted: route.recipients,
        ackDueAt: new Date(Date.parse(report.createdAt) + deadline * 60_000).toISOString(),
        nextStepAt: nextStepAt(
          report.createdAt,
          ladderFor(report.urgent, deadline),
          0,
          options.now,
        ),
        escalationLevel: 0,
      },
    });
    queueNotices(tx, db, ticket, notices, languages, options);
    recipients = route.recipients;
    return undefined;
  });
  if (unreadable) {
    (options.alert ?? alertToStdout)("report_unreadable", "report could not be read to route it", {
      ticket,
      fields: unreadable,
    });
  }
  return recipients;
}
