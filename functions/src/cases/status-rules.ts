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
 *
 * A case with an open follow-up is closed only with a reason (`reason`, the closer's note):
 * a planned visit must not be dropped silently. The citizen who confirms it solved is not
 * asked (they do not know of visits). Closing ends the follow-up: no more reminders.
 */
export function planStatusChange(
  report: Case,
  to: CaseStatus,
  extra: Partial<Case> = {},
  options: { byCitizen?: boolean; reason?: string | undefined } = {},
): ChangePlan {
  if (report.status === to && to !== "assigned") return { update: extra, notices: [] };
  if (!TRANSITIONS[report.status].includes(to)) {
    throw new CaseError("InvalidTransition", `A case that is ${report.status} cannot become ${to}`);
  }
  if (to === "closed" && report.followUp && !options.byCitizen && !options.reason?.trim()) {
    throw new CaseError(
      "FollowUpOpen",
      `${report.ticket} has a follow-up due ${report.followUp.due}: say why it closes`,
    );
  }
  const resolvedAt = to === "resolved" ? { resolvedAt: new Date().toISOString() } : {};
  const followUp = to === "closed" && report.followUp ? { followUp: null } : {};
  return {
    update: { ...extra, ...resolvedAt, ...followUp, status: to },
    notices: statusNotices(report, to, options),
  };
}
