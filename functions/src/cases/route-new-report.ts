import { staffCaseAlert } from "@sa/bot";
import { reportSchema, translator, type Language } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { enqueuePush } from "../outbox/outbox";
import { reportRef } from "../repositories/reports";
import { Collections } from "../repositories/collections";
import { resolveRoute } from "../routing/routing-table";
import { caseUrl } from "./case-links";

/**
 * Runs once a report exists: picks the staff to tell and queues their pushes, and sets when
 * acknowledgement is due. Idempotent: a trigger delivered twice finds `routing` already set.
 */
export async function routeNewReport(
  db: Firestore,
  ticket: string,
  options: { now: Date; liffBaseUrl: string },
): Promise<string[]> {
  return db.runTransaction(async tx => {
    const parsed = reportSchema.safeParse((await tx.get(reportRef(db, ticket))).data());
    if (!parsed.success || parsed.data.routing) return [];
    const report = parsed.data;
    const route = await resolveRoute(tx, db, report.location?.area?.provinceCode, report.category);
    const languages = await Promise.all(
      route.recipients.map(async userId => {
        const data = (await tx.get(db.collection(Collections.users).doc(userId))).data();
        return (data?.language === "en" ? "en" : "th") as Language;
      }),
    );
    const minutes = report.urgent ? route.ackMinutes.urgent : route.ackMinutes.normal;
    tx.update(reportRef(db, ticket), {
      routing: {
        source: route.source,
        recipients: route.recipients,
        escalation: route.escalation,
        ackDueAt: new Date(Date.parse(report.createdAt) + minutes * 60_000).toISOString(),
        escalationLevel: 0,
      },
    });
    route.recipients.forEach((userId, i) => {
      const language = languages[i]!;
      const message = staffCaseAlert(report, translator(language), language, {
        caseUrl: caseUrl(options.liffBaseUrl, ticket),
      });
      enqueuePush(
        tx,
        db,
        // Someone may be in danger: if LINE cannot take it, it also goes by SMS/voice.
        {
          to: userId,
          messages: [message],
          reason: "staff.new_case",
          ticket,
          urgent: report.urgent,
        },
        options.now,
      );
    });
    return route.recipients;
  });
}
