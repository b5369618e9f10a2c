import { FieldValue, type Firestore } from "firebase-admin/firestore";
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
export async function recordAudit(
  db: Firestore,
  entry: { actor: string; role: string; action: AuditAction; target: string; detail?: string },
): Promise<void> {
  await db.collection(Collections.audit).add({ ...entry, at: FieldValue.serverTimestamp() });
}
