import {
  assessEligibility,
  bangkokDate,
  checkRuleVersion,
  eligibilityRequestSchema,
  isoDateSchema,
  ruleInForce,
  translator,
  BENEFIT_IDS,
  type RuleCheck,
  type WelfareRule,
} from "@sa/core";
import express from "express";
import type { Firestore } from "firebase-admin/firestore";
import * as z from "zod/mini";
import {
  advanceRuleVersion,
  createRuleDraft,
  listRuleVersions,
  type RuleStep,
  type StoredRuleVersion,
} from "../repositories/welfare-rules";
import { rulesInUse } from "../welfare-rules/rule-set";
import { callerOf } from "./authenticate";
import { requestLanguage } from "./eligibility-route";
import { HttpError } from "./http-error";
import { validatePathParams } from "./request-limits";

const ruleBodySchema = z.strictObject({ rule: z.unknown() });
const previewBodySchema = z.strictObject({
  rule: z.unknown(),
  profiles: z
    .array(z.strictObject(z.omit(eligibilityRequestSchema, { asOf: true }).shape))
    .check(z.minLength(1), z.maxLength(5)),
  /** The day to compare on; the draft's effective date when left out. */
  asOf: z.optional(isoDateSchema),
});
const versionIdSchema = z.string().check(z.regex(/^[A-Za-z0-9]{1,40}$/));

/** A draft with problems (400) or failing examples (422), answered with its check. */
class RuleCheckFailed extends HttpError {
  constructor(
    status: 400 | 422,
    message: string,
    readonly check: RuleCheck,
  ) {
    super(status, message, undefined, status === 400 ? "rule_problems" : "examples_failed");
  }
}

function parsedOrThrow(check: RuleCheck): WelfareRule {
  if (check.rule) return check.rule;
  throw new RuleCheckFailed(400, "The rule version has problems", check);
}

const REFUSALS = {
  not_found: [404, "No such rule version"],
  not_drafter: [403, "Only the admin who drafted this version may change or submit it"],
  same_admin: [403, "A second admin must approve: the drafter cannot approve their own version"],
  wrong_status: [409, "The version is not at that step"],
} as const;

/**
 * Staff publish welfare rules without a deploy: draft, check (schema and examples), preview
 * against the version in force, submit, and a second admin approves (four eyes). Admins only.
 */
export function welfareRuleRoutes(deps: () => Promise<{ db: Firestore; now: () => Date }>) {
  const routes = validatePathParams(express.Router());

  routes.use("/admin/welfare-rules", (req, _res, next) => {
    if (callerOf(req).account.role !== "admin") throw new HttpError(403, "Admins only");
    next();
  });

  /** The stored versions, and the version of each benefit in force today with its origin. */
  routes.get("/admin/welfare-rules", async (_req, res) => {
    const { db, now } = await deps();
    const today = bangkokDate(now());
    const [stored, rules] = await Promise.all([listRuleVersions(db), rulesInUse(db)]);
    const inForce = BENEFIT_IDS.flatMap(benefit => {
      const rule = ruleInForce(rules, benefit, today);
      return rule ? [rule] : [];
    });
    res.json({ today, inForce, versions: stored });
  });

  /** Validates a version and runs its examples; stores nothing. */
  routes.post("/admin/welfare-rules/check", (req, res) => {
    const body = ruleBodySchema.safeParse(req.body ?? {});
    res.json(checkRuleVersion(body.success ? body.data.rule : undefined));
  });

  /** The answers of the version in force and of the draft, side by side, for a few profiles. */
  routes.post("/admin/welfare-rules/preview", async (req, res) => {
    const body = previewBodySchema.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, "Send a rule and one to five profiles");
    const draft = parsedOrThrow(checkRuleVersion(body.data.rule));
    const { db } = await deps();
    const current = await rulesInUse(db);
    const asOf = body.data.asOf ?? draft.effective;
    const t = translator(requestLanguage(req), "welfare");
    const answer = (rules: readonly WelfareRule[], profile: object) =>
      assessEligibility(profile, { asOf, t, rules, benefits: [draft.benefit] }).results[0] ?? null;
    res.json({
      asOf,
      rows: body.data.profiles.map(profile => ({
        profile,
        current: answer(current, profile),
        draft: answer(
          [...current, draft].filter(r => r === draft || !same(r, draft)),
          profile,
        ),
      })),
    });
  });

  routes.post("/admin/welfare-rules", async (req, res) => {
    const body = ruleBodySchema.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, "Send the version as { rule }");
    const check = checkRuleVersion(body.data.rule);
    const rule = parsedOrThrow(check);
    const { db, now } = await deps();
    const { account } = callerOf(req);
    const version = await createRuleDraft(db, rule, {
      userId: account.userId,
      role: account.role,
      at: now(),
    });
    res.status(201).json({ version, check });
  });

  routes.put("/admin/welfare-rules/:id", async (req, res) => {
    const body = ruleBodySchema.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, "Send the version as { rule }");
    const check = checkRuleVersion(body.data.rule);
    const rule = parsedOrThrow(check);
    const version = await step(req, { kind: "edit", rule });
    res.json({ version, check });
  });

  /** Submitting and approving both run the examples again: a failing one blocks publishing. */
  for (const kind of ["submit", "approve"] as const) {
    routes.post(`/admin/welfare-rules/:id/${kind}`, async (req, res) => {
      const version = await step(req, { kind }, stored => {
        const check = checkRuleVersion(stored.rule);
        if (!check.publishable)
          throw new RuleCheckFailed(422, "The version's examples do not all pass", check);
      });
      res.json({ version });
    });
  }

  async function step(
    req: express.Request,
    change: RuleStep,
    guard?: (stored: StoredRuleVersion) => void,
  ): Promise<StoredRuleVersion> {
    const id = versionIdSchema.safeParse(req.params.id);
    if (!id.success) throw new HttpError(404, REFUSALS.not_found[1]);
    const { db, now } = await deps();
    const { account } = callerOf(req);
    const actor = { userId: account.userId, role: account.role, at: now() };
    const result = await advanceRuleVersion(db, id.data, change, actor, guard);
    if ("refused" in result) {
      const [status, message] = REFUSALS[result.refused];
      throw new HttpError(status, message, undefined, result.refused);
    }
    return result;
  }

  // The page shows each problem and each example's answer, so the check goes with the refusal.
  const withCheck: express.ErrorRequestHandler = (error, _req, res, next) => {
    if (!(error instanceof RuleCheckFailed)) return next(error);
    res.status(error.status).json({ message: error.message, code: error.code, check: error.check });
  };
  routes.use(withCheck);
  return routes;
}

function same(a: WelfareRule, b: WelfareRule): boolean {
  return a.benefit === b.benefit && a.effective === b.effective;
}
