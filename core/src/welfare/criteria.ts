import * as z from "zod/mini";
import { fail, pass, unknown, type Check } from "./checks";
import { HARDSHIPS } from "./ids";
import { message, type Message, type MessageVar } from "./messages";
import type { EligibilityProfile } from "./profile-schema";

// A criterion is one condition over one profile field, written in a rules file:
//   { "field": "annualIncomePerPerson", "test": "atMost", "value": 100000,
//     "fail": { "key": "welfareCard.reason.incomeOver", "vars": { "amount": "$value", "ceiling": "$limit" } } }
// Staff who add a criterion without a catalog key write its text inline: { "th": "…", "en": "…" }.

export const messageKeySchema = z
  .string()
  .check(z.regex(/^[A-Za-z][\w.]*$/, { message: "Expected a catalog key" }));

/**
 * "$value" is the person's answer, "$limit" the criterion's value, "$matched" the listed items;
 * an amount condition's message may also say "$amount", the amount it raises to.
 */
const ruleVarsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const ruleMessageSchema = z.union([
  z.strictObject({ key: messageKeySchema, vars: z.optional(ruleVarsSchema) }),
  z.strictObject({
    th: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    en: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  }),
]);
export type RuleMessage = z.output<typeof ruleMessageSchema>;

const BOOLEAN_FIELDS = [
  "hasDisabilityCard",
  "hasStateWelfareCard",
  "receivesGovernmentPension",
  "livesInStateCareHome",
  "receivesOtherStateChildBenefit",
  "poorOrWithoutSupport",
  "hivCertified",
  // Never asked by the chat or the form: the first years' household conditions, answered only
  // through the API, so a check dated then stays unknown instead of guessing.
  "meetsEarlyChildGrantConditions",
] as const;
const NUMBER_FIELDS = ["age", "annualIncomePerPerson", "financialAssets"] as const;

/** The profile fields a criterion may test, with the tests that make sense for each. */
export const CRITERION_FIELDS = [
  "nationality",
  ...NUMBER_FIELDS,
  ...BOOLEAN_FIELDS,
  "hardships",
] as const;
export type CriterionField = (typeof CRITERION_FIELDS)[number];
export const CRITERION_TESTS = ["is", "atMost", "atLeast", "below", "anyOf"] as const;
export type CriterionTest = (typeof CRITERION_TESTS)[number];

export function testsFor(field: CriterionField): readonly CriterionTest[] {
  if (field === "hardships") return ["anyOf"];
  if ((NUMBER_FIELDS as readonly string[]).includes(field)) return ["atMost", "atLeast", "below"];
  return ["is"];
}

/** The condition itself: one field, one test, one value. */
const conditionShape = {
  field: z.enum(CRITERION_FIELDS),
  test: z.enum(CRITERION_TESTS),
  value: z.union([
    z.boolean(),
    z.number().check(z.minimum(0), z.maximum(10_000_000_000)),
    z
      .string()
      .check(z.regex(/^[A-Z]{2}$/, { message: "Expected a two-letter country code such as TH" })),
    z.array(z.enum(HARDSHIPS)).check(z.minLength(1)),
  ]),
};
type Condition = { field: CriterionField; test: CriterionTest; value: unknown };

/** A test the field takes, and a value of the field's kind. */
function checkCondition({ field, test, value }: Condition, ctx: z.core.$RefinementCtx) {
  if (!testsFor(field).includes(test)) {
    ctx.addIssue({
      code: "custom",
      path: ["test"],
      message: `${field} takes the test ${testsFor(field).join(" or ")}`,
    });
    return;
  }
  const expected =
    field === "hardships"
      ? Array.isArray(value)
      : field === "nationality"
        ? typeof value === "string"
        : (NUMBER_FIELDS as readonly string[]).includes(field)
          ? typeof value === "number"
          : typeof value === "boolean";
  if (!expected)
    ctx.addIssue({
      code: "custom",
      path: ["value"],
      message: `Wrong kind of value for ${field}`,
    });
}

export const criterionSchema = z
  .strictObject({
    ...conditionShape,
    /** Said when the criterion is met; most criteria say nothing then. */
    pass: z.optional(ruleMessageSchema),
    fail: ruleMessageSchema,
  })
  .check(z.superRefine(checkCondition));

/**
 * A condition that raises an amount (see a version's `higherAmount.whenAny`): not meeting it
 * refuses nothing, so it says only why the higher amount is paid.
 */
export const amountConditionSchema = z
  .strictObject({ ...conditionShape, pass: ruleMessageSchema })
  .check(z.superRefine(checkCondition));
export type AmountCondition = z.output<typeof amountConditionSchema>;
export type Criterion = z.output<typeof criterionSchema>;

/** A rules-file message as an engine message; "$…" variables are filled from the criterion. */
export function ruleMessage(spec: RuleMessage, vars: Record<string, MessageVar> = {}): Message {
  if (!("key" in spec)) return { key: "", text: { th: spec.th, en: spec.en }, vars };
  if (!spec.vars) return message(spec.key);
  const filled: Record<string, MessageVar> = {};
  for (const [name, value] of Object.entries(spec.vars)) {
    filled[name] = typeof value === "string" && value.startsWith("$") ? (vars[value] ?? "") : value;
  }
  return message(spec.key, filled);
}

/**
 * Whether a condition holds for the profile (undefined while its field is unanswered), with
 * the "$value", "$limit" and "$matched" variables its messages may use.
 */
export function testCondition(
  { field, test, value: limit }: Condition,
  profile: EligibilityProfile,
): { met: boolean | undefined; vars: Record<string, MessageVar> } {
  const answer = profile[field];
  const vars: Record<string, MessageVar> = {};
  if (answer === undefined) return { met: undefined, vars };
  if (typeof answer === "number" || typeof answer === "string") vars.$value = answer;
  if (typeof limit === "number" || typeof limit === "string") vars.$limit = limit;

  let met: boolean;
  if (test === "anyOf") {
    const wanted = new Set<string>(limit as readonly string[]);
    const matched = (answer as readonly string[]).filter(item => wanted.has(item));
    vars.$matched = { list: matched.map(item => message(`hardship.${item}`)) };
    met = matched.length > 0;
  } else if (test === "is") met = answer === limit;
  else if (typeof answer !== "number") met = false;
  else if (test === "atMost") met = answer <= (limit as number);
  else if (test === "atLeast") met = answer >= (limit as number);
  else met = answer < (limit as number);
  return { met, vars };
}

/** One criterion on the profile: unknown names the field, as every other check does. */
export function evaluateCriterion(criterion: Criterion, profile: EligibilityProfile): Check {
  const { met, vars } = testCondition(criterion, profile);
  if (met === undefined) return unknown(criterion.field);
  if (!met) return fail(ruleMessage(criterion.fail, vars));
  return criterion.pass ? pass(ruleMessage(criterion.pass, vars)) : pass();
}

export function evaluateCriteria(
  criteria: readonly Criterion[],
  profile: EligibilityProfile,
): Check[] {
  return criteria.map(criterion => evaluateCriterion(criterion, profile));
}
