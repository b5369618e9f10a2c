import { followUpAfter, type CaseStatus, type NextStep } from "@sa/core";
import { isApprovedVolunteer } from "./case-access";
import { CaseError } from "./case-errors";
import type { CaseChange, PlanContext } from "./case-service";
import { assignmentNotice, reopenedNotices, staffNotices, takenNotices } from "./notices";
import { planStatusChange } from "./status-rules";

/**
 * The changes people make to a case, each with its rules, shared by the LIFF api and the LINE
 * buttons so that one rule never differs between the two.
 */

/** Statuses from which a staff member may take a case: nobody holds it. */
const TAKEABLE = new Set<CaseStatus>(["new", "reopened"]);

/** Staff take a case: the first one owns it; the others routed it hear who did. */
export function takeCase(options: {
  type: "acknowledged" | "status";
  data: Record<string, unknown>;
  now: Date;
}): CaseChange {
  return {
    kind: "manage",
    type: options.type,
    data: options.data,
    plan: ({ report, account }) => {
      if (!TAKEABLE.has(report.status)) {
        throw new CaseError("AlreadyTaken", `${report.ticket} is already taken`, {
          name: report.acknowledgedBy?.name ?? "",
        });
      }
      const name = account.name ?? "";
      const change = planStatusChange(report, "acknowledged", {
        acknowledgedBy: { userId: account.userId, name, at: options.now.toISOString() },
      });
      return {
        update: change.update,
        notices: [...change.notices, ...takenNotices(report, account.userId, name)],
      };
    },
  };
}

/** Staff set a status from the staff page; taking the case follows the rule of the button. */
export function staffStatus(
  body: { status: CaseStatus; note?: string | undefined },
  now: Date,
): CaseChange {
  const data = { status: body.status, ...(body.note && { note: body.note }) };
  if (body.status === "acknowledged") return takeCase({ type: "status", data, now });
  return {
    kind: "manage",
    type: "status",
    data,
    plan: ({ report }) => planStatusChange(report, body.status, {}, { reason: body.note }),
  };
}

/**
 * Staff assign an approved volunteer who serves the case's province (the national centre too
 * may only pick a volunteer of that province); the volunteer is read in the transaction.
 */
export function assignVolunteer(volunteerUserId: string): CaseChange {
  const change: CaseChange = {
    kind: "manage",
    type: "assigned",
    data: {},
    plan: async ({ report, readAccount }: PlanContext) => {
      const volunteer = await readAccount(volunteerUserId);
      if (!isApprovedVolunteer(volunteer))
        throw new CaseError("InvalidVolunteer", "Not an approved volunteer");
      const province = report.location?.area?.provinceCode;
      if (!province || volunteer.area?.provinceCode !== province)
        throw new CaseError(
          "InvalidVolunteer",
          "This volunteer does not serve the case's province",
        );
      const assignee = { userId: volunteer.userId, name: volunteer.name ?? "" };
      change.data = { assignee };
      const status = planStatusChange(report, "assigned", { assignee });
      return {
        update: status.update,
        notices: [...status.notices, assignmentNotice(report, volunteer.userId)],
      };
    },
  };
  return change;
}

/** Volunteers' work (visit, assistance): someone is working the case. */
export function recordWork(
  type: "visit" | "assistance",
  data: Record<string, unknown>,
): CaseChange {
  return {
    kind: "work",
    type,
    data,
    plan: ({ report }) =>
      ["assigned", "acknowledged", "reopened"].includes(report.status)
        ? planStatusChange(report, "in_progress")
        : { update: {}, notices: [] },
  };
}

/**
 * A volunteer's visit to a case: work on it, and its next step — a follow-up date opens (or
 * moves) the case's follow-up, "none" ends it. The reason for "none" stays in the timeline.
 * `benefitsFound` (counted before, by count-benefits.ts) becomes the case's latest finding.
 */
export function recordVisit(
  data: Record<string, unknown>,
  nextStep: NextStep,
  benefitsFound: number,
): CaseChange {
  const work = recordWork("visit", { ...data, nextStep });
  return {
    ...work,
    plan: async context => {
      const plan = await work.plan(context);
      const followUp = followUpAfter(nextStep, context.account);
      return { ...plan, update: { ...plan.update, followUp, benefitsFound } };
    },
  };
}

/** A volunteer refers the case to an agency; the staff member who holds it is told. */
export function referCase(data: { agency: string } & Record<string, unknown>): CaseChange {
  return {
    kind: "work",
    type: "referral",
    data,
    plan: ({ report }) => {
      const change = planStatusChange(report, "referred");
      return {
        update: change.update,
        notices: [
          ...change.notices,
          ...staffNotices(report, "referredAlt", "staff.referred", { agency: data.agency }),
        ],
      };
    },
  };
}

/** A volunteer's status: a move of the case, or a call for staff. */
export function volunteerStatus(data: { status: string; note?: string | undefined }): CaseChange {
  return {
    kind: "work",
    type: "status",
    data,
    plan: ({ report }) =>
      data.status === "needs_staff"
        ? {
            update: { needsStaff: true },
            notices: staffNotices(report, "needsStaffAlt", "staff.needs_staff"),
          }
        : planStatusChange(
            report,
            data.status as CaseStatus,
            { needsStaff: false },
            { reason: data.note },
          ),
  };
}

/** The citizen says the resolved case is solved: it closes. */
export function confirmSolved(): CaseChange {
  return {
    kind: "feedback",
    type: "status",
    data: { solved: true },
    plan: ({ report }) => {
      if (report.status !== "resolved")
        throw new CaseError("InvalidTransition", "Only a resolved case can be confirmed");
      // The citizen closed it: nobody to tell.
      return planStatusChange(
        report,
        "closed",
        { feedback: { ...report.feedback, solved: true } },
        { byCitizen: true },
      );
    },
  };
}

/** The citizen says it is not solved: it reopens, and whoever worked it hears so. */
export function reopenCase(): CaseChange {
  return {
    kind: "feedback",
    type: "status",
    data: { solved: false },
    plan: ({ report }) => {
      if (report.status !== "resolved")
        throw new CaseError("InvalidTransition", "Only a resolved case can be reopened");
      const change = planStatusChange(
        report,
        "reopened",
        { feedback: { ...report.feedback, solved: false } },
        { byCitizen: true },
      );
      return { update: change.update, notices: reopenedNotices(report) };
    },
  };
}

/** The citizen rates the help: once, and only once the case is resolved or closed. */
export function rateCase(rating: number): CaseChange {
  return {
    kind: "feedback",
    type: "status",
    data: { rating },
    plan: ({ report }) => {
      if (report.status !== "resolved" && report.status !== "closed")
        throw new CaseError("NotYetResolved", "A case is rated once it is resolved");
      if (report.feedback?.rating !== undefined)
        throw new CaseError("AlreadyRated", "This case was rated already");
      return { update: { feedback: { ...report.feedback, rating } }, notices: [] };
    },
  };
}
