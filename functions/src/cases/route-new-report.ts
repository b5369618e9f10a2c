import { staffCaseAlert } from "@sa/bot";
import { translator, type Language, type Report } from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { enqueuePush } from "../outbox/outbox";
import { readReportIn, reportRef } from "../repositories/reports";
import { readLanguagesIn } from "../repositories/users";
import { resolveRoute, resolveUrgentRoute } from "../routing/routing-table";
import { caseUrl } from "./case-links";
import { ladderFor, nextStepAt } from "./escalation-ladder";

export interface RoutingOptions {
  now: Date;
  liffBaseUrl: string;
}

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
    const languages = await readLanguagesIn(tx, db, route.recipients);
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
    alertStaff(tx, db, report, route.recipients, languages, options, "staff.new_case");
    return route.recipients;
  });
}

/**
 * Queues the case alert (ticket, category, district, time — nothing that may not show on a
 * lock screen) for each person, in their language. Urgent alerts are marked so the outbox
 * falls back to the second channel when LINE does not take them.
 */
export function alertStaff(
  tx: Transaction,
  db: Firestore,
  report: Report,
  recipients: string[],
  languages: Map<string, Language>,
  options: RoutingOptions,
  reason: string,
  alert: { escalated?: boolean } = {},
): void {
  for (const to of recipients) {
    const language = languages.get(to) ?? "th";
    const message = staffCaseAlert(report, translator(language), language, {
      caseUrl: caseUrl(options.liffBaseUrl, report.ticket),
      ...alert,
    });
    enqueuePush(
      tx,
      db,
      { to, messages: [message], reason, ticket: report.ticket, urgent: report.urgent },
      options.now,
    );
  }
}
