import { citizenStatusNotice } from "@sa/bot";
import { TRANSITIONS, translator, type Report, type ReportStatus } from "@sa/core";
import type { CasePlan } from "../repositories/cases";
import { CaseError } from "./case-errors";

/** Statuses the citizen hears about, in their own language. */
const TOLD_TO_CITIZEN = new Set<ReportStatus>(["acknowledged", "assigned", "referred", "resolved"]);

/**
 * The one place a case changes status: checks the move is allowed and says who is told.
 * Staying in the same status is no change and tells nobody.
 */
export function planStatusChange(
  report: Report,
  to: ReportStatus,
  extra: Partial<Report> = {},
): CasePlan {
  if (report.status === to && to !== "assigned") return { update: extra, pushes: [] };
  if (!TRANSITIONS[report.status].includes(to)) {
    throw new CaseError("InvalidTransition", `A case that is ${report.status} cannot become ${to}`);
  }
  const pushes: CasePlan["pushes"] = [];
  // A reporter who withdrew their identity (`lineUserId: null`) is not told any more.
  const citizen = report.reporter.lineUserId;
  if (citizen && TOLD_TO_CITIZEN.has(to) && report.status !== to) {
    const t = translator(report.reporter.language);
    pushes.push({
      to: citizen,
      messages: [citizenStatusNotice(report.ticket, to as "acknowledged", t)],
      reason: `citizen.${to}`,
    });
  }
  const resolvedAt = to === "resolved" ? { resolvedAt: new Date().toISOString() } : {};
  return { update: { ...extra, ...resolvedAt, status: to }, pushes };
}
