import { BENEFIT_IDS, welfareRuleSchema, type WelfareRule, type WelfareRuleInput } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import * as z from "zod/mini";
import { recordAuditIn } from "./audit";
import { Collections } from "./collections";

// A rule version's life: draft (its drafter edits it) → submitted (its examples passed) →
// published (a second admin approved it). Published versions are what the checker reads.

export const RULE_VERSION_STATUSES = ["draft", "submitted", "published"] as const;
export type RuleVersionStatus = (typeof RULE_VERSION_STATUSES)[number];

const storedSchema = z.object({
  benefit: z.enum(BENEFIT_IDS),
  effective: z.string(),
  status: z.enum(RULE_VERSION_STATUSES),
  /** The version as the admin wrote it; parsed with welfareRuleSchema when read. */
  rule: z.unknown(),
  draftedBy: z.string(),
  draftedAt: z.string(),
  updatedAt: z.string(),
  submittedBy: z.optional(z.string()),
  submittedAt: z.optional(z.string()),
  approvedBy: z.optional(z.string()),
  approvedAt: z.optional(z.string()),
});
export type StoredRuleVersion = z.infer<typeof storedSchema> & { id: string };

function versions(db: Firestore) {
  return db.collection(Collections.welfareRules);
}

/** Firestore refuses `undefined`; the JSON form is what the admin wrote anyway. */
function plain(rule: WelfareRuleInput | WelfareRule): unknown {
  return JSON.parse(JSON.stringify(rule));
}

function parse(id: string, data: unknown): StoredRuleVersion | undefined {
  const parsed = storedSchema.safeParse(data);
  if (parsed.success) return { id, ...parsed.data };
  // Ids and field paths only: nothing personal in the logs.
  console.warn(
    "welfare rule version unparsable, skipped",
    JSON.stringify({ version: id, fields: parsed.error.issues.map(i => i.path.join(".")) }),
  );
  return undefined;
}

/**
 * Every published version, read for each check (a handful of small documents; the chat's
 * interview reads them at its first answer and reuses them within a minute, rule-set.ts), so a
 * version approved a moment ago is in force for the next check on every instance. One that no
 * longer parses is skipped and logged; the bundled versions still answer.
 */
export async function listPublishedRules(db: Firestore): Promise<WelfareRule[]> {
  const snapshot = await versions(db).where("status", "==", "published").get();
  return snapshot.docs.flatMap(doc => {
    const stored = parse(doc.id, doc.data());
    const rule = stored && welfareRuleSchema.safeParse(stored.rule);
    if (rule?.success) return [{ ...rule.data, versionId: doc.id }];
    if (stored) console.warn("published welfare rule unparsable, skipped", doc.id);
    return [];
  });
}

/** Every stored version, newest change first, for the admin page. */
export async function listRuleVersions(db: Firestore): Promise<StoredRuleVersion[]> {
  const snapshot = await versions(db).orderBy("updatedAt", "desc").limit(200).get();
  return snapshot.docs.flatMap(doc => parse(doc.id, doc.data()) ?? []);
}

export async function readRuleVersion(
  db: Firestore,
  id: string,
): Promise<StoredRuleVersion | undefined> {
  const snapshot = await versions(db).doc(id).get();
  return snapshot.exists ? parse(id, snapshot.data()) : undefined;
}

interface Actor {
  userId: string;
  role: string;
  at: Date;
}

/** A new draft and its audit line, together. */
export async function createRuleDraft(
  db: Firestore,
  rule: WelfareRule,
  actor: Actor,
): Promise<StoredRuleVersion> {
  const ref = versions(db).doc();
  const at = actor.at.toISOString();
  const stored = {
    benefit: rule.benefit,
    effective: rule.effective,
    status: "draft" as const,
    rule: plain(rule),
    draftedBy: actor.userId,
    draftedAt: at,
    updatedAt: at,
  };
  await db.runTransaction(async tx => {
    tx.create(ref, stored);
    recordAuditIn(tx, db, {
      actor: actor.userId,
      role: actor.role,
      action: "draft_welfare_rule",
      target: `${Collections.welfareRules}/${ref.id}`,
      detail: `${rule.benefit} ${rule.effective}`,
    });
  });
  return { id: ref.id, ...stored };
}

/** Why a step was refused, for the route to answer 404, 403 or 409. */
export type RuleStepRefusal = "not_found" | "not_drafter" | "same_admin" | "wrong_status";
export type RuleStep =
  | { kind: "edit"; rule: WelfareRule }
  | { kind: "submit" }
  | { kind: "approve" };

const ALLOWED_FROM: Record<RuleStep["kind"], RuleVersionStatus> = {
  edit: "draft",
  submit: "draft",
  approve: "submitted",
};

/**
 * One step of a version's life, checked and written with its audit line in one transaction:
 * only the drafter edits or submits; approving takes a second admin (four eyes). `guard` runs on
 * the stored version inside the transaction (the caller runs the examples there).
 */
export async function advanceRuleVersion(
  db: Firestore,
  id: string,
  step: RuleStep,
  actor: Actor,
  guard: (version: StoredRuleVersion) => void = () => {},
): Promise<StoredRuleVersion | { refused: RuleStepRefusal }> {
  const ref = versions(db).doc(id);
  return db.runTransaction(async tx => {
    const snapshot = await tx.get(ref);
    const current = snapshot.exists ? parse(id, snapshot.data()) : undefined;
    if (!current) return { refused: "not_found" as const };
    if (current.status !== ALLOWED_FROM[step.kind]) return { refused: "wrong_status" as const };
    const byDrafter = current.draftedBy === actor.userId;
    if (step.kind !== "approve" && !byDrafter) return { refused: "not_drafter" as const };
    if (step.kind === "approve" && byDrafter) return { refused: "same_admin" as const };
    guard(current);

    const at = actor.at.toISOString();
    const change =
      step.kind === "edit"
        ? { rule: plain(step.rule), benefit: step.rule.benefit, effective: step.rule.effective }
        : step.kind === "submit"
          ? { status: "submitted" as const, submittedBy: actor.userId, submittedAt: at }
          : { status: "published" as const, approvedBy: actor.userId, approvedAt: at };
    const next = { ...current, ...change, updatedAt: at };
    const { id: _id, ...stored } = next;
    tx.set(ref, stored);
    recordAuditIn(tx, db, {
      actor: actor.userId,
      role: actor.role,
      action:
        step.kind === "approve"
          ? "approve_welfare_rule"
          : step.kind === "submit"
            ? "submit_welfare_rule"
            : "draft_welfare_rule",
      target: `${Collections.welfareRules}/${id}`,
      detail: `${next.benefit} ${next.effective}`,
    });
    return next;
  });
}
