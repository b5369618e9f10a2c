import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";

export type AuditAction =
  | "read_case"
  | "read_case_photo"
  | "read_case_media"
  | "read_visit_media"
  | "write_case"
  | "denied_case"
  | "register_volunteer"
  | "export_cases"
  | "edit_routing"
  | "edit_duty_roster"
  | "retry_push"
  | "erase_reporter"
  | "sign_in"
  | "disable_account"
  | "enable_account"
  | "draft_welfare_rule"
  | "submit_welfare_rule"
  | "approve_welfare_rule"
  | "edit_help_points"
  | "import_help_points"
  | "grant_staff_role"
  | "import_households"
  | "assign_households"
  | "visit_household"
  | "denied_household"
  | "export_household_progress"
  | "migrate_scope";

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

/**
 * A staff or admin sign-in: one entry per ID token (its `iat`), however many requests the token
 * makes, and whichever instance sees it first (the document id is the key).
 */
export async function recordSignIn(
  db: Firestore,
  entry: { actor: string; role: string; issuedAt: number },
): Promise<void> {
  const id = `sign_in_${entry.actor}_${entry.issuedAt}`;
  try {
    await db
      .collection(Collections.audit)
      .doc(id)
      .create({
        actor: entry.actor,
        role: entry.role,
        action: "sign_in" satisfies AuditAction,
        target: `users/${entry.actor}`,
        detail: `token issued ${new Date(entry.issuedAt * 1000).toISOString()}`,
        at: FieldValue.serverTimestamp(),
      });
  } catch (error) {
    // ALREADY_EXISTS: another request (or instance) recorded this sign-in first.
    if ((error as { code?: number }).code !== 6) throw error;
  }
}
