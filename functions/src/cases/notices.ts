import type { messagingApi } from "@line/bot-sdk";
import {
  caseUpdateNotice,
  citizenStatusNotice,
  staffCaseAlert,
  volunteerAssignment,
  type CitizenNotice,
} from "@sa/bot";
import { translator, type Language, type Case, type CaseStatus } from "@sa/core";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { enqueuePush, type OutboxItem } from "../outbox/outbox";
import { readLanguagesIn } from "../repositories/users";
import { caseUrl, householdVisitUrl } from "./case-links";

/**
 * The one place that decides who hears of something that happened to a case and what each of
 * them reads, in their own language (`users/{id}.language`; staff with none read Thai, a
 * citizen reads the language of their report). Every entry point — LINE buttons, the LIFF
 * api, the report trigger, the sweeps — builds its pushes here.
 *
 * Nothing personal goes into a push: it shows on lock screens and shared phones. Staff and
 * volunteers read the ticket and what happened, with an "open" button to the case behind a
 * LINE sign-in; a citizen reads that their case moved on, never who was visited or what was
 * found there (the reporter may be a neighbour).
 */

/** A short line for staff or a volunteer: `staff.<key>` of the bot catalog. */
export type UpdateKey =
  | "takenBy"
  | "referredAlt"
  | "needsStaffAlt"
  | "reopenedAlt"
  | "reporterWithdrew"
  | "unroutable"
  | "urgentUntaken"
  | "followUpToday"
  | "followUpTomorrow"
  | `urgentUpdate.${string}`;

export type Notice =
  /** A new, urgent or overdue case: the flex card with "take it" and "open". */
  | { kind: "alert"; report: Case; escalated?: boolean }
  /** A volunteer's new assignment. */
  | { kind: "assignment"; report: Case }
  | { kind: "update"; ticket: string; key: UpdateKey; name?: string; agency?: string }
  | { kind: "citizen"; ticket: string; status: CitizenNotice }
  /** A volunteer's follow-up visit to a target household: its id only, never the family's. */
  | { kind: "household"; householdId: string; key: HouseholdKey };

export type HouseholdKey = "householdFollowUpToday" | "householdFollowUpTomorrow";

/** A notice for one person, and how the outbox sends it. */
export interface Addressed {
  to: string;
  notice: Notice;
  /** Why, for the outbox page: "staff.taken_by_other", "citizen.closed", ... */
  reason: string;
  /** Set for a citizen (the report's language); staff and volunteers are looked up. */
  language?: Language;
  urgent?: boolean;
  via?: OutboxItem["via"];
}

export interface NoticeOptions {
  now: Date;
  liffBaseUrl: string;
}

// ---- Who is told ----------------------------------------------------------------------

/** Statuses the citizen hears about. */
const TOLD_TO_CITIZEN = new Set<CaseStatus>([
  "acknowledged",
  "assigned",
  "referred",
  "resolved",
  "closed",
]);

/**
 * The reporter hears that their case was taken, that a volunteer is on it, that it was
 * referred, resolved (with the solved / not solved question) or closed — closed straight from
 * new included. Not a change they made themselves, and not once they withdrew their identity.
 */
export function statusNotices(
  report: Case,
  to: CaseStatus,
  options: { byCitizen?: boolean } = {},
): Addressed[] {
  const citizen = report.reporter.lineUserId;
  if (!citizen || options.byCitizen || !TOLD_TO_CITIZEN.has(to) || report.status === to) return [];
  return [
    {
      to: citizen,
      language: report.reporter.language,
      notice: { kind: "citizen", ticket: report.ticket, status: to as CitizenNotice },
      reason: `citizen.${to}`,
    },
  ];
}

/** The staff member who took the case, or else everyone it was routed to. */
export function staffOnCase(report: Case): string[] {
  return report.acknowledgedBy
    ? [report.acknowledgedBy.userId]
    : (report.routing?.recipients ?? []);
}

/** A line for the staff on the case (see staffOnCase). */
export function staffNotices(
  report: Case,
  key: UpdateKey,
  reason: string,
  extra: { agency?: string } = {},
): Addressed[] {
  return staffOnCase(report).map(to => ({
    to,
    notice: { kind: "update", ticket: report.ticket, key, ...extra },
    reason,
  }));
}

/** The others the case was routed to hear who took it. */
export function takenNotices(report: Case, takerId: string, name: string): Addressed[] {
  return (report.routing?.recipients ?? [])
    .filter(id => id !== takerId)
    .map(to => ({
      to,
      notice: { kind: "update", ticket: report.ticket, key: "takenBy", name },
      reason: "staff.taken_by_other",
    }));
}

export function assignmentNotice(report: Case, volunteerId: string): Addressed {
  return { to: volunteerId, notice: { kind: "assignment", report }, reason: "volunteer.assigned" };
}

/** The citizen says it is not solved: the staff on it and the volunteer who worked it. */
export function reopenedNotices(report: Case): Addressed[] {
  const people = new Set([
    ...staffOnCase(report),
    ...(report.assignee ? [report.assignee.userId] : []),
  ]);
  return [...people].map(to => ({
    to,
    notice: { kind: "update", ticket: report.ticket, key: "reopenedAlt" },
    reason: "staff.reopened",
  }));
}

/** Everyone told of an open case while it is open hears that the reporter withdrew. */
export function withdrawnNotices(report: Case): Addressed[] {
  if (report.status === "closed") return [];
  const people = new Set([
    ...(report.routing?.alerted ?? report.routing?.recipients ?? []),
    ...(report.acknowledgedBy ? [report.acknowledgedBy.userId] : []),
    ...(report.assignee ? [report.assignee.userId] : []),
  ]);
  return [...people].map(to => ({
    to,
    notice: { kind: "update", ticket: report.ticket, key: "reporterWithdrew" },
    reason: "staff.reporter_withdrew",
  }));
}

/**
 * The case card for staff a case is routed or escalated to. Urgent alerts are marked so the
 * outbox falls back to the second channel when LINE does not take them.
 */
export function alertNotices(
  report: Case,
  people: string[],
  reason: string,
  options: { escalated?: boolean } = {},
): Addressed[] {
  return people.map(to => ({
    to,
    notice: { kind: "alert", report, ...(options.escalated && { escalated: true }) },
    reason,
    urgent: report.urgent,
  }));
}

/** A line about an urgent case that must reach the person: LINE, or SMS/voice only. */
export function urgentNotices(
  ticket: string,
  people: string[],
  key: UpdateKey,
  reason: string,
  via: OutboxItem["via"] = "line",
): Addressed[] {
  return people.map(to => ({
    to,
    notice: { kind: "update", ticket, key },
    reason,
    urgent: true,
    via,
  }));
}

/** The reporter of an urgent case nobody took: the 1300 centre has it. */
export function centreHasItNotices(report: Case): Addressed[] {
  const citizen = report.reporter.lineUserId;
  if (!citizen) return [];
  return [
    {
      to: citizen,
      language: report.reporter.language,
      notice: { kind: "citizen", ticket: report.ticket, status: "centreHasIt" },
      reason: "citizen.centre_has_it",
    },
  ];
}

// ---- What they read -------------------------------------------------------------------

/** One notice as `language` reads it. */
export function renderNotice(
  notice: Notice,
  language: Language,
  liffBaseUrl: string,
): messagingApi.Message {
  const t = translator(language);
  switch (notice.kind) {
    case "alert":
      return staffCaseAlert(notice.report, t, language, {
        caseUrl: caseUrl(liffBaseUrl, notice.report.ticket),
        ...(notice.escalated && { escalated: true }),
      });
    case "assignment":
      return volunteerAssignment(
        notice.report,
        t,
        language,
        caseUrl(liffBaseUrl, notice.report.ticket),
      );
    case "update": {
      const text = t(`staff.${notice.key}`, {
        ticket: notice.ticket,
        name: notice.name ?? "",
        agency: notice.agency ? t(`staff.agency.${notice.agency}`) : "",
      });
      return caseUpdateNotice(text, t, caseUrl(liffBaseUrl, notice.ticket));
    }
    case "citizen":
      return citizenStatusNotice(notice.ticket, notice.status, t);
    case "household":
      return caseUpdateNotice(
        t(`staff.${notice.key}`, { household: notice.householdId }),
        t,
        householdVisitUrl(liffBaseUrl, notice.householdId),
      );
  }
}

/** Reads the recipients' languages: call before the transaction's first write. */
export function languagesOf(
  tx: Transaction,
  db: Firestore,
  notices: Addressed[],
): Promise<Map<string, Language>> {
  return readLanguagesIn(
    tx,
    db,
    notices.filter(n => !n.language).map(n => n.to),
  );
}

/** Each notice rendered for its recipient: the pushes to queue. */
export function renderAll(
  notices: Addressed[],
  languages: Map<string, Language>,
  liffBaseUrl: string,
): RenderedPush[] {
  return notices.map(({ to, notice, reason, language, urgent, via }) => ({
    to,
    messages: [renderNotice(notice, language ?? languages.get(to) ?? "th", liffBaseUrl)],
    reason,
    ...(urgent && { urgent }),
    ...(via && { via }),
  }));
}

export interface RenderedPush {
  to: string;
  messages: messagingApi.Message[];
  reason: string;
  urgent?: boolean;
  via?: OutboxItem["via"];
}

/** Queues the notices in the caller's transaction (their languages read in `languages`). */
export function queueNotices(
  tx: Transaction,
  db: Firestore,
  ticket: string,
  notices: Addressed[],
  languages: Map<string, Language>,
  options: NoticeOptions,
): void {
  for (const push of renderAll(notices, languages, options.liffBaseUrl)) {
    enqueuePush(tx, db, { ...push, ticket }, options.now);
  }
}

/** Reads the languages and queues: for a transaction that has written nothing yet. */
export async function tellIn(
  tx: Transaction,
  db: Firestore,
  ticket: string,
  notices: Addressed[],
  options: NoticeOptions,
): Promise<void> {
  queueNotices(tx, db, ticket, notices, await languagesOf(tx, db, notices), options);
}
