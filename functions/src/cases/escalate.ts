import type { Firestore } from "firebase-admin/firestore";
import { listOverdueSteps, readCaseIn, caseRef } from "../repositories/case-records";
import { nationalOnDuty } from "../routing/routing-table";
import { ladderFor, nextStepAt, type LadderStep } from "./escalation-ladder";
import {
  alertNotices,
  centreHasItNotices,
  languagesOf,
  queueNotices,
  urgentNotices,
  type Addressed,
} from "./notices";
import type { RoutingOptions } from "./route-new-case";

/**
 * Cases nobody took in time go one step up the escalation ladder per sweep (see
 * escalation-ladder.ts). Each step is taken once, in a transaction that re-reads the case,
 * however often the sweep runs; steps with nobody to tell are passed over.
 */
export async function escalateOverdue(db: Firestore, options: RoutingOptions): Promise<number> {
  let escalated = 0;
  for (const ticket of await listOverdueSteps(db, options.now)) {
    const stepped = await db.runTransaction(async tx => {
      const report = await readCaseIn(tx, db, ticket);
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
      const notices: Addressed[] = [];
      if (step && level < steps.length) {
        notices.push(
          ...alertNotices(report, audience, `staff.escalated.${step.audience}`, {
            escalated: true,
          }),
        );
        // Their LINE may be silent (a phone on mute, a flat battery on LINE's side): a text
        // message or call reaches everyone alerted so far, this step's people included.
        if (step.secondChannel) {
          notices.push(
            ...urgentNotices(
              ticket,
              [...alerted, ...audience],
              "urgentUntaken",
              "staff.urgent_second_channel",
              "second_channel",
            ),
          );
        }
        // A reporter who withdrew their identity is not told any more.
        if (step.tellCitizen) notices.push(...centreHasItNotices(report));
      }
      const languages = await languagesOf(tx, db, notices);
      tx.update(caseRef(db, ticket), {
        "routing.escalationLevel": taken,
        "routing.nextStepAt": nextStepAt(report.createdAt, steps, taken, options.now),
        "routing.alerted": [...alerted, ...audience],
      });
      if (!step || level >= steps.length) return false;
      queueNotices(tx, db, ticket, notices, languages, options);
      return true;
    });
    if (stepped) escalated++;
  }
  return escalated;
}
