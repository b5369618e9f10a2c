import { textMessage } from "@sa/bot";
import { translator } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { enqueuePush } from "../outbox/outbox";
import { listOverdueSteps, readReportIn, reportRef } from "../repositories/reports";
import { readLanguagesIn } from "../repositories/users";
import { nationalOnDuty } from "../routing/routing-table";
import { ladderFor, nextStepAt, type LadderStep } from "./escalation-ladder";
import { caseNoticeText } from "./case-links";
import { alertStaff, type RoutingOptions } from "./route-new-report";

/**
 * Cases nobody took in time go one step up the escalation ladder per sweep (see
 * escalation-ladder.ts). Each step is taken once, in a transaction that re-reads the case,
 * however often the sweep runs; steps with nobody to tell are passed over.
 */
export async function escalateOverdue(db: Firestore, options: RoutingOptions): Promise<number> {
  let escalated = 0;
  for (const ticket of await listOverdueSteps(db, options.now)) {
    const stepped = await db.runTransaction(async tx => {
      const report = await readReportIn(tx, db, ticket);
      const routing = report?.routing;
      if (!report || report.status !== "new" || !routing?.nextStepAt) return false;
      if (Date.parse(routing.nextStepAt) > options.now.getTime()) return false;
      const deadline = (Date.parse(routing.ackDueAt) - Date.parse(report.createdAt)) / 60_000;
      const steps = ladderFor(report.urgent, deadline);
      const alerted = routing.alerted ?? routing.recipients;
      const centre = await nationalOnDuty(tx, db, options.now);

      // Pass over steps with nobody new to tell; take the first that has someone.
      let level = routing.escalationLevel;
      let step: LadderStep | undefined;
      let audience: string[] = [];
      for (; level < steps.length; level++) {
        step = steps[level]!;
        const people =
          step.audience === "backup"
            ? (routing.backup ?? [])
            : step.audience === "escalation"
              ? routing.escalation
              : centre.primary;
        audience = people.filter(id => !alerted.includes(id));
        const someone =
          audience.length > 0 ||
          (step.tellCitizen && centre.primary.length > 0) ||
          (step.secondChannel && alerted.length > 0);
        if (someone) break;
      }
      const taken = level < steps.length ? level + 1 : level;
      const languages = await readLanguagesIn(tx, db, [...alerted, ...audience]);
      tx.update(reportRef(db, ticket), {
        "routing.escalationLevel": taken,
        "routing.nextStepAt": nextStepAt(report.createdAt, steps, taken, options.now),
        "routing.alerted": [...alerted, ...audience],
      });
      if (!step || level >= steps.length) return false;
      const reason = `staff.escalated.${step.audience}`;
      alertStaff(tx, db, report, audience, languages, options, reason, { escalated: true });
      if (step.secondChannel) {
        // Their LINE may be silent (a phone on mute, a flat battery on LINE's side): a text
        // message or call reaches everyone alerted so far, this step's people included.
        for (const to of [...alerted, ...audience]) {
          const t = translator(languages.get(to) ?? "th");
          const text = caseNoticeText(
            t("staff.urgentUntaken", { ticket }),
            options.liffBaseUrl,
            ticket,
          );
          enqueuePush(
            tx,
            db,
            {
              to,
              messages: [textMessage(text)],
              reason: "staff.urgent_second_channel",
              ticket,
              urgent: true,
              via: "second_channel",
            },
            options.now,
          );
        }
      }
      // A reporter who withdrew their identity is not told any more.
      const citizen = report.reporter.lineUserId;
      if (step.tellCitizen && citizen) {
        const t = translator(report.reporter.language);
        enqueuePush(
          tx,
          db,
          {
            to: citizen,
            messages: [textMessage(t("notify.centreHasIt", { ticket }))],
            reason: "citizen.centre_has_it",
            ticket,
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
