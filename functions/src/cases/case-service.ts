import type { Case, TimelineEntry } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { recordAudit, recordAuditIn, type AuditAction } from "../repositories/audit";
import { replaceBenefitsFoundIn } from "../repositories/benefits-found";
import { readCaseIn, readTimelineEntryIn, writeCaseChange } from "../repositories/cases";
import { readAccountIn, type Account } from "../repositories/users";
import { canChange, canSee, type ChangeKind } from "./case-access";
import { CaseError } from "./case-errors";
import { languagesOf, renderAll, type NoticeOptions } from "./notices";
import type { ChangePlan } from "./status-rules";

/**
 * The one way a case is read or changed, from the LIFF api and from LINE buttons alike. The
 * case and the caller's account are read inside one transaction and access is checked there,
 * so a volunteer unassigned (or staff moved) a moment before cannot write; the case, its
 * timeline entry, the audit line, the pushes and (a visit) its sub-district's count of benefits
 * found are written in that same transaction.
 */

/** Who is asking: a verified LINE user id (from a LIFF ID token or a signed webhook). */
export interface Caller {
  userId: string;
  /** Their LINE display name, for the timeline when the account has no name. */
  callerName?: string | undefined;
}

export interface PlanContext {
  report: Case;
  account: Account;
  /** Another account, read in the same transaction (e.g. the volunteer being assigned). */
  readAccount(userId: string): Promise<Account>;
}

export interface CaseChange {
  kind: ChangeKind;
  type: TimelineEntry["type"];
  data: Record<string, unknown>;
  /** What the change does: fields and who is told; throws a CaseError to refuse. No writes here. */
  plan(context: PlanContext): ChangePlan | Promise<ChangePlan>;
}

export interface ChangeResult {
  /** False when the same id was recorded before: nothing written, the first entry returned. */
  created: boolean;
  entry: TimelineEntry;
  report: Case;
  account: Account;
}

function target(ticket: string): string {
  return `cases/${ticket}`;
}

async function recordDenied(db: Firestore, caller: Caller, ticket: string, role: string) {
  await recordAudit(db, {
    actor: caller.userId,
    role,
    action: "denied_case",
    target: target(ticket),
  });
}

/**
 * Reads a case the caller may see, auditing the read (`action`) in the same transaction;
 * a refusal is audited and thrown as NotAllowed, a missing case as NotFound.
 */
export async function readCase(
  db: Firestore,
  caller: Caller,
  ticket: string,
  audit: { action: AuditAction; detail?: string } = { action: "read_case" },
): Promise<{ report: Case; account: Account }> {
  let deniedAs: string | undefined;
  try {
    return await db.runTransaction(async tx => {
      const report = await readCaseIn(tx, db, ticket);
      const account = await readAccountIn(tx, db, caller.userId);
      if (!report) throw new CaseError("NotFound", "No such case");
      if (!canSee(account, report)) {
        deniedAs = account.role;
        throw new CaseError("NotAllowed", "This case is not yours to see");
      }
      recordAuditIn(tx, db, {
        actor: caller.userId,
        role: account.role,
        action: audit.action,
        target: target(ticket),
        ...(audit.detail !== undefined && { detail: audit.detail }),
      });
      return { report, account };
    });
  } finally {
    if (deniedAs !== undefined) await recordDenied(db, caller, ticket, deniedAs);
  }
}

/**
 * Changes a case as `caller`, once per `options.id` (the client's id, or `line-<event id>`):
 * the same id again returns the first entry and writes nothing.
 */
export async function changeCase(
  db: Firestore,
  caller: Caller,
  ticket: string,
  change: CaseChange,
  options: { id: string } & NoticeOptions,
): Promise<ChangeResult> {
  let deniedAs: string | undefined;
  try {
    return await db.runTransaction(async tx => {
      deniedAs = undefined;
      const existing = await readTimelineEntryIn(tx, db, ticket, options.id);
      const report = await readCaseIn(tx, db, ticket);
      const account = await readAccountIn(tx, db, caller.userId);
      if (!report) throw new CaseError("NotFound", "No such case");
      if (!canChange(account, report, change.kind)) {
        deniedAs = account.role;
        throw new CaseError("NotAllowed", "This case is not yours to change");
      }
      if (existing) return { created: false, entry: existing, report, account };

      const plan = await change.plan({
        report,
        account,
        readAccount: userId => readAccountIn(tx, db, userId),
      });
      const languages = await languagesOf(tx, db, plan.notices);
      const entry: TimelineEntry = {
        id: options.id,
        type: change.type,
        at: options.now.toISOString(),
        // The citizen's own answers carry no name: the timeline is shown to volunteers.
        by:
          change.kind === "feedback"
            ? { name: "", role: "citizen" }
            : { name: account.name ?? caller.callerName ?? "", role: account.role },
        data: change.data,
      };
      const pushes = renderAll(plan.notices, languages, options.liffBaseUrl);
      writeCaseChange(tx, db, ticket, entry, { update: plan.update, pushes }, options.now);
      // The case's latest finding replaces its earlier one in its sub-district's count.
      if (plan.update.benefitsFound !== undefined) {
        const { benefitsFound } = plan.update;
        replaceBenefitsFoundIn(tx, db, report.location?.area, report.benefitsFound, benefitsFound);
      }
      recordAuditIn(tx, db, {
        actor: caller.userId,
        role: account.role,
        action: "write_case",
        target: target(ticket),
        detail:
          change.type === "status" && typeof change.data.status === "string"
            ? `status:${change.data.status}`
            : change.type,
      });
      return {
        created: true,
        entry,
        report: { ...report, ...plan.update },
        account,
      };
    });
  } finally {
    if (deniedAs !== undefined) await recordDenied(db, caller, ticket, deniedAs);
  }
}
