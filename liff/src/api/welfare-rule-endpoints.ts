// The admin's welfare rule routes (functions/src/api/welfare-rule-routes.ts). Imported only by
// the lazy admin page, so none of it weighs on the first screen.
import { BENEFIT_IDS, ELIGIBILITY_STATUSES, eligibilityResultSchema } from "@sa/core";
import * as z from "zod/mini";
import type { ApiClient } from "./api-client";

/** A rule version as JSON: the page edits it as data and the server validates it. */
export type RuleJson = Record<string, unknown>;
const ruleJsonSchema = z.record(z.string(), z.unknown());

const answerSchema = z.object({
  status: z.enum(ELIGIBILITY_STATUSES),
  monthlyAmount: z.optional(z.number()),
  oneOffAmount: z.optional(z.number()),
  missing: z.array(z.string()),
});

export const ruleCheckSchema = z.object({
  issues: z.array(
    z.object({
      path: z.array(z.union([z.string(), z.number()])),
      code: z.string(),
      message: z.string(),
    }),
  ),
  examples: z.array(
    z.object({
      name: z.string(),
      asOf: z.string(),
      passed: z.boolean(),
      expected: z.partial(answerSchema, { missing: true }),
      got: answerSchema,
    }),
  ),
  publishable: z.boolean(),
});
export type RuleCheck = z.infer<typeof ruleCheckSchema>;

export const storedVersionSchema = z.object({
  id: z.string(),
  benefit: z.enum(BENEFIT_IDS),
  effective: z.string(),
  status: z.enum(["draft", "submitted", "published"]),
  rule: ruleJsonSchema,
  draftedBy: z.string(),
  approvedBy: z.optional(z.string()),
  approvedAt: z.optional(z.string()),
});
export type StoredVersion = z.infer<typeof storedVersionSchema>;

const overviewSchema = z.object({
  today: z.string(),
  inForce: z.array(ruleJsonSchema),
  versions: z.array(storedVersionSchema),
});
export type RulesOverview = z.infer<typeof overviewSchema>;

const previewSchema = z.object({
  asOf: z.string(),
  rows: z.array(
    z.object({
      current: z.nullable(eligibilityResultSchema),
      draft: z.nullable(eligibilityResultSchema),
    }),
  ),
});
export type RulePreview = z.infer<typeof previewSchema>;

const BASE = "/api/admin/welfare-rules";
const versionPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const getRulesOverview = (api: ApiClient) => api.get(BASE, overviewSchema);

export const checkRule = async (api: ApiClient, rule: RuleJson) =>
  (await api.post(`${BASE}/check`, { rule }, ruleCheckSchema)).data;

export const previewRule = async (api: ApiClient, rule: RuleJson, profiles: unknown[]) =>
  (await api.post(`${BASE}/preview`, { rule, profiles }, previewSchema)).data;

const savedSchema = z.object({ version: storedVersionSchema });

/** A new draft, or the drafter's edit of theirs. */
export const saveDraft = async (api: ApiClient, rule: RuleJson, id?: string) =>
  id
    ? (await api.put(versionPath(id), { rule }, savedSchema)).version
    : (await api.post(BASE, { rule }, savedSchema)).data.version;

export const advanceVersion = async (api: ApiClient, id: string, step: "submit" | "approve") =>
  (await api.post(`${versionPath(id)}/${step}`, {}, savedSchema)).data.version;
