import type { Report, TimelineEntry } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { recordAudit } from "../repositories/audit";
import { addTimelineEntry, type CasePlan } from "../repositories/cases";
import type { Account } from "../repositories/users";

/**
 * A person's change to a case, as every route records it: a timeline entry keyed by the
 * client's id (so a retry returns the first result), the plan's update and pushes in the same
 * transaction, and an audit line when something was written.
 */
export async function recordCaseChange(options: {
  db: Firestore;
  account: Account;
  callerName?: string | undefined;
  ticket: string;
  id: string;
  type: TimelineEntry["type"];
  data: Record<string, unknown>;
  plan: (report: Report) => CasePlan;
  now: Date;
}): Promise<{ status: 200 | 201; entry: TimelineEntry }> {
  const { db, account, ticket, type, now } = options;
  const entry: TimelineEntry = {
    id: options.id,
    type,
    at: now.toISOString(),
    by: { name: account.name ?? options.callerName ?? "", role: account.role },
    data: options.data,
  };
  const result = await addTimelineEntry(db, ticket, entry, options.plan, now);
  if (result.created) {
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "write_case",
      target: `reports/${ticket}`,
      detail: type === "status" ? `status:${String(options.data.status ?? "")}` : type,
    });
  }
  return { status: result.created ? 201 : 200, entry: result.entry };
}
