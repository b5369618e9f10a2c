import "../zod-english";
import { resources } from "../i18n";
import { decideBenefits } from "./assess";
import type { EligibilityStatus } from "./ids";
import type { EligibilityProfile } from "./profile-schema";
import { welfareRuleSchema, type RuleExample, type WelfareRule } from "./rule-schema";

export interface ExampleAnswer {
  status: EligibilityStatus;
  monthlyAmount?: number;
  oneOffAmount?: number;
  missing: string[];
}

export interface ExampleOutcome {
  name: string;
  asOf: string;
  passed: boolean;
  expected: RuleExample["expect"];
  got: ExampleAnswer;
}

/** A problem in a draft version, by path; the LIFF page words it from `code` in Thai or English. */
export interface RuleIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export interface RuleCheck {
  /** The parsed version when it is well-formed (its examples may still fail). */
  rule?: WelfareRule;
  issues: RuleIssue[];
  examples: ExampleOutcome[];
  /** Well-formed, with examples, all of which pass: what publishing requires. */
  publishable: boolean;
}

/** The answer one version gives a profile on a day, with no other version around it. */
export function answerOf(rule: WelfareRule, profile: EligibilityProfile, asOf: string) {
  const [decided] = decideBenefits(profile, { asOf, benefits: [rule.benefit], rules: [rule] });
  const { status, monthlyAmount, oneOffAmount, missing } = decided!.decision;
  return {
    status,
    ...(monthlyAmount === undefined ? {} : { monthlyAmount }),
    ...(oneOffAmount === undefined ? {} : { oneOffAmount }),
    missing,
  };
}

function matches(expected: RuleExample["expect"], got: ExampleAnswer): boolean {
  if (expected.status !== got.status) return false;
  if ("monthlyAmount" in expected && expected.monthlyAmount !== got.monthlyAmount) return false;
  if ("oneOffAmount" in expected && expected.oneOffAmount !== got.oneOffAmount) return false;
  if (expected.missing) {
    const want = [...expected.missing].sort().join();
    if (want !== [...got.missing].sort().join()) return false;
  }
  return true;
}

/** Each example of the version, checked against what the version itself answers. */
export function runExamples(rule: WelfareRule): ExampleOutcome[] {
  return rule.examples.map(example => {
    const asOf = example.asOf ?? rule.effective;
    const got = answerOf(rule, example.profile, asOf);
    return {
      name: example.name,
      asOf,
      passed: matches(example.expect, got),
      expected: example.expect,
      got,
    };
  });
}

function catalogKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === "string") keys.add(prefix);
    else if (node && typeof node === "object")
      for (const [name, child] of Object.entries(node))
        walk(child, prefix ? `${prefix}.${name}` : name);
  };
  walk(resources.th.welfare, "");
  return keys;
}

/** Catalog keys a version names that the catalogs do not have: staff write new texts inline. */
function unknownKeys(rule: WelfareRule): RuleIssue[] {
  const known = catalogKeys();
  const named: { path: (string | number)[]; key: string }[] = [
    ...rule.documents.map((key, i) => ({ path: ["documents", i], key })),
    { path: ["applyAt"], key: rule.applyAt },
    ...rule.notes.map((note, i) => ({ path: ["notes", i, "key"], key: note.key })),
    ...rule.uncertain.map((note, i) => ({ path: ["uncertain", i, "key"], key: note.key })),
    ...rule.criteria.flatMap((criterion, i) =>
      (["pass", "fail"] as const).flatMap(side => {
        const spec = criterion[side];
        return spec && "key" in spec ? [{ path: ["criteria", i, side, "key"], key: spec.key }] : [];
      }),
    ),
    ...(rule.benefit === "disability_allowance" ? (rule.higherAmount?.whenAny ?? []) : []).flatMap(
      ({ pass }, i) =>
        "key" in pass
          ? [{ path: ["higherAmount", "whenAny", i, "pass", "key"], key: pass.key }]
          : [],
    ),
  ];
  return named
    .filter(({ key }) => !known.has(key))
    .map(({ path, key }) => ({ path, code: "unknown_key", message: `No text has the key ${key}` }));
}

/** Everything an admin needs to know about a draft before it can be published. */
export function checkRuleVersion(input: unknown): RuleCheck {
  const parsed = welfareRuleSchema.safeParse(input);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map(issue => ({
        path: issue.path.map(part => (typeof part === "symbol" ? String(part) : part)),
        code: issue.code,
        message: issue.message,
      })),
      examples: [],
      publishable: false,
    };
  }
  const rule = parsed.data;
  const issues = unknownKeys(rule);
  if (rule.examples.length === 0)
    issues.push({ path: ["examples"], code: "no_examples", message: "Add at least one example" });
  const examples = issues.length === 0 ? runExamples(rule) : [];
  return {
    rule,
    issues,
    examples,
    publishable: issues.length === 0 && examples.every(example => example.passed),
  };
}
