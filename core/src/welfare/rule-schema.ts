import * as z from "zod/mini";
import { amountConditionSchema, criterionSchema, messageKeySchema } from "./criteria";
import { ELIGIBILITY_STATUSES, type BenefitId } from "./ids";
import { eligibilityRequestSchema, isoDateSchema } from "./profile-schema";

// Strict objects throughout: a misspelt field in a rules file must fail, not be ignored.
const amountSchema = z.int().check(z.positive());
const ageSchema = z.int().check(z.minimum(0), z.maximum(130));

/** A note shown on every result of this version, optionally only from a later date. */
const noteSchema = z.strictObject({
  key: messageKeySchema,
  from: z.optional(isoDateSchema),
  vars: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

/**
 * A profile with the answer the public rule gives it: a version whose examples give another
 * answer cannot be published. Amounts and missing fields are compared only when named.
 */
export const ruleExampleSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  /** The check date; the version's effective date when left out. */
  asOf: z.optional(isoDateSchema),
  profile: z.strictObject(z.omit(eligibilityRequestSchema, { asOf: true }).shape),
  expect: z.strictObject({
    status: z.enum(ELIGIBILITY_STATUSES),
    monthlyAmount: z.optional(z.int().check(z.minimum(0))),
    oneOffAmount: z.optional(z.int().check(z.minimum(0))),
    missing: z.optional(z.array(z.string())),
  }),
});
export type RuleExample = z.output<typeof ruleExampleSchema>;

const commonFields = {
  effective: isoDateSchema,
  source: z.strictObject({ title: z.string().check(z.minLength(1)), url: z.url() }),
  thaiOnly: z.boolean(),
  documents: z.array(messageKeySchema).check(z.minLength(1)),
  applyAt: messageKeySchema,
  notes: z._default(z.array(noteSchema), []),
  /** Points the reference marks uncertain: shown so the user confirms rather than relies. */
  uncertain: z._default(z.array(noteSchema), []),
  /** For staff editing the file; never shown to users. */
  comment: z.optional(z.string()),
  /**
   * Set when a published version is read from the store (its document id), so each answer
   * names the exact version; bundled versions have none and are named benefit@effective.
   */
  versionId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  /** Conditions over the profile, all of which must hold (see criteria.ts for the form). */
  criteria: z._default(z.array(criterionSchema).check(z.maxLength(30)), []),
  examples: z._default(z.array(ruleExampleSchema).check(z.maxLength(30)), []),
};

const oldAgeRuleSchema = z.strictObject({
  benefit: z.literal("old_age_allowance"),
  ...commonFields,
  /** Ascending; the first band's age is the minimum age. */
  ageBands: z.array(z.strictObject({ fromAge: ageSchema, monthlyAmount: amountSchema })).check(
    z.minLength(1),
    z.refine(bands => bands.every((band, i) => i === 0 || band.fromAge > bands[i - 1]!.fromAge), {
      message: "Age bands must be in ascending order of fromAge",
    }),
  ),
  /** How many years before the minimum age one may register ahead. */
  registerAheadYears: z.int().check(z.minimum(0), z.maximum(10)),
});

const disabilityRuleSchema = z.strictObject({
  benefit: z.literal("disability_allowance"),
  ...commonFields,
  monthlyAmount: amountSchema,
  /**
   * A higher amount for some, paid when any of its conditions holds (conditions over profile
   * fields, as criteria are); left out when everyone gets the same.
   */
  higherAmount: z.optional(
    z.strictObject({
      monthlyAmount: amountSchema,
      whenAny: z.array(amountConditionSchema).check(z.minLength(1), z.maxLength(10)),
    }),
  ),
});

const childSupportRuleSchema = z.strictObject({
  benefit: z.literal("child_support_grant"),
  ...commonFields,
  monthlyAmountPerChild: amountSchema,
  bornOnOrAfter: isoDateSchema,
  /** Paid until the day before this birthday. */
  untilAge: ageSchema,
});

const registrationRoundSchema = z
  .strictObject({ opens: isoDateSchema, closes: isoDateSchema })
  .check(
    z.refine(round => round.opens <= round.closes, {
      message: "A round must open before it closes",
    }),
  );

const stateWelfareCardRuleSchema = z.strictObject({
  benefit: z.literal("state_welfare_card"),
  ...commonFields,
  /** Registration only happens in announced rounds; both days are inclusive. */
  registrationRounds: z.array(registrationRoundSchema),
});

const familyHardshipRuleSchema = z.strictObject({
  benefit: z.literal("family_hardship_aid"),
  ...commonFields,
  maxAmountPerTime: amountSchema,
  /** How many times a family may receive it, when the rule says. */
  maxTimes: z.optional(z.int().check(z.positive())),
});

const hivRuleSchema = z.strictObject({
  benefit: z.literal("hiv_allowance"),
  ...commonFields,
  monthlyAmount: amountSchema,
});

/** An example must be checked on a day the version is in force. */
function examplesInForce(
  rule: { effective: string; examples: readonly RuleExample[] },
  ctx: z.core.$RefinementCtx,
) {
  rule.examples.forEach((example, index) => {
    if (example.asOf !== undefined && example.asOf < rule.effective)
      ctx.addIssue({
        code: "custom",
        path: ["examples", index, "asOf"],
        message: "An example's date must be on or after the effective date",
      });
  });
}

export const welfareRuleSchema = z
  .discriminatedUnion("benefit", [
    oldAgeRuleSchema,
    disabilityRuleSchema,
    childSupportRuleSchema,
    stateWelfareCardRuleSchema,
    familyHardshipRuleSchema,
    hivRuleSchema,
  ])
  .check(z.superRefine(examplesInForce));

/** One rules file: the versions of one benefit, in any order. */
export const welfareRuleFileSchema = z.array(welfareRuleSchema).check(z.minLength(1));

export type WelfareRule = z.output<typeof welfareRuleSchema>;
export type WelfareRuleInput = z.input<typeof welfareRuleSchema>;
export type RuleOf<B extends BenefitId> = Extract<WelfareRule, { benefit: B }>;
export type RuleNote = z.output<typeof noteSchema>;
export type RegistrationRound = z.output<typeof registrationRoundSchema>;
