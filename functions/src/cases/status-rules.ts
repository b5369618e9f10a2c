import { TRANSITIONS, type Case, type CaseStatus } from "@sa/core";
import { CaseError } from "./case-errors";
import { statusNotices, type Addressed } from "./notices";

/** What a change to a case does besides its timeline entry: fields to set, people to tell. */
export interface ChangePlan {
  update: Partial<Case>;
  notices: Addressed[];
}

/**
 * The one place a case changes status: checks the move is allowed; who hears of it is
 * decided in notices.ts. Staying in the same status is no change and tells nobody.
 */
export function planStatusChange(
  report: Case,
  to: CaseStatus,
  extra: Partial<Case> = {},
  options: { byCitizen?: boolean } = {},
): ChangePlan {
  if (report.status === to && to !== "assigned") return { update: extra, notices: [] };
  if (!TRANSITIONS[report.status].includes(to)) {
    throw new CaseError("InvalidTransition", `A case that is ${report.status} cannot become ${to}`);
  }
  const resolvedAt = to === "resolved" ? { resolvedAt: new Date().toISOString() } : {};
  return {
    update: { ...extra, ...resolvedAt, status: to },
    notices: statusNotices(report, to, options),
  };
}
