import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";

export type AuditAction =
  | "read_case"
  | "read_case_photo"
  | "write_case"
  | "denied_case"
  | "register_volunteer"
  | "export_cases"
  | "edit_routing"
  | "edit_duty_roster"
  | "retry_push"
  | "erase_reporter";

/**
 * Who read or changed which personal record, and when (PDPA accountability). Written for every
 * read of a case's personal data, every change, and every refused attempt.
 */
export interface AuditEntry {
  actor: string;
  role: string;
  action: AuditAction;
  target: string;
  detail?: string;
}

export async function recordAudit(db: Firestore, entry: AuditEntry): Promise<void> {
  await db.collection(Collections.audit).add({ ...entry, at: FieldValue.serverTimestamp() });
}

/** The audit line of a change, written in the change's own transaction: both or neither. */
export function recordAuditIn(tx: Transaction, db: Firestore, entry: AuditEntry): void {
  tx.create(db.collection(Collections.audit).doc(), {
    ...entry,
    at: FieldValue.serverTimestamp(),
  });
}
