import type { Firestore } from "firebase-admin/firestore";
import { readReportIn, reportRef } from "../repositories/reports";
import { resolveRoute, resolveUrgentRoute } from "../routing/routing-table";
import { ladderFor, nextStepAt } from "./escalation-ladder";
import { alertNotices, languagesOf, queueNotices, type NoticeOptions } from "./notices";

export type RoutingOptions = NoticeOptions;

/**
 * Runs once a report exists: picks the staff to tell (the people on duty for an urgent one),
 * queues their pushes and sets when it is due and when escalation starts. Idempotent: a
 * trigger delivered twice, or the sweep recovering a report the trigger failed on, finds
 * `routing` set and does nothing.
 */
export async function routeNewReport(
  db: Firestore,
  ticket: string,
  options: RoutingOptions,
): Promise<string[]> {
  return db.runTransaction(async tx => {
    const report = await readReportIn(tx, db, ticket);
    if (!report || report.routing) return [];
    const province = report.location?.area?.provinceCode;
    const route = report.urgent
      ? await resolveUrgentRoute(tx, db, province, report.category, options.now)
      : await resolveRoute(tx, db, province, report.category);
    const deadline = report.urgent ? route.ackMinutes.urgent : route.ackMinutes.normal;
    const notices = alertNotices(report, route.recipients, "staff.new_case");
    const languages = await languagesOf(tx, db, notices);
    tx.update(reportRef(db, ticket), {
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
    return route.recipients;
  });
}
