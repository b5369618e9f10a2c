import { describe, expect, it } from "vitest";
import {
  checkRuleVersion,
  parseWelfareRules,
  questionsNeeded,
  welfareRules,
  withPublished,
  type EligibilityProfile,
  type RuleOf,
} from "../../../core/src/welfare";
import { oldAgeIncomeTest } from "../../support/welfare-drafts";
import { THAI_ADULT, resultFor } from "./translate";

const RICH_ELDER: EligibilityProfile = { ...THAI_ADULT, age: 70, annualIncomePerPerson: 150_000 };
const POOR_ELDER: EligibilityProfile = { ...THAI_ADULT, age: 70, annualIncomePerPerson: 20_000 };

const shippedOldAge = welfareRules.find(
  (rule): rule is RuleOf<"old_age_allowance"> => rule.benefit === "old_age_allowance",
)!;

describe("criteria as data", () => {
  it("every bundled version is publishable: well-formed, with examples that all pass", () => {
    for (const rule of welfareRules) {
      const check = checkRuleVersion(rule);
      expect(check.issues, `${rule.benefit} ${rule.effective}`).toEqual([]);
      expect(check.examples.length).toBeGreaterThan(0);
      expect(
        check.examples.filter(example => !example.passed),
        `${rule.benefit} ${rule.effective}`,
      ).toEqual([]);
    }
  });

  it("a new criterion in a new version decides from its date on, with its inline text, and no code", () => {
    const draft = oldAgeIncomeTest(shippedOldAge);
    const rules = withPublished(welfareRules, parseWelfareRules({ "draft.json": [draft] }));

    const before = resultFor("old_age_allowance", RICH_ELDER, { rules, asOf: "2027-09-30" });
    expect(before).toMatchObject({ status: "eligible", monthlyAmount: 700 });

    const after = resultFor("old_age_allowance", RICH_ELDER, { rules, asOf: "2027-10-01" });
    expect(after.status).toBe("not_eligible");
    expect(after.reasons.join(" ")).toContain(
      "รายได้เฉลี่ย 150,000 บาทต่อคนต่อปี เกินเกณฑ์ 100,000 บาท",
    );
    expect(after.source.effective).toBe("2027-10-01");

    const english = resultFor("old_age_allowance", RICH_ELDER, {
      rules,
      asOf: "2027-10-01",
      language: "en",
    });
    expect(english.reasons.join(" ")).toContain("150,000 baht a person a year is over 100,000");

    const poor = resultFor("old_age_allowance", POOR_ELDER, { rules, asOf: "2027-10-01" });
    expect(poor).toMatchObject({ status: "eligible", monthlyAmount: 700 });
  });

  it("an unanswered new criterion is unknown and names its field for the next question", () => {
    const rules = withPublished(
      welfareRules,
      parseWelfareRules({ "d.json": [oldAgeIncomeTest(shippedOldAge)] }),
    );
    const { annualIncomePerPerson: _left, ...noIncome } = RICH_ELDER;
    const result = resultFor("old_age_allowance", noIncome, { rules, asOf: "2027-10-01" });
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["annualIncomePerPerson"]);
    expect(
      questionsNeeded(noIncome, ["old_age_allowance"], { rules, asOf: "2027-10-01" }).fields,
    ).toEqual(["annualIncomePerPerson"]);
  });

  it("a criterion on a field other benefits ask already adds no question to the all-benefits interview", () => {
    const rules = withPublished(
      welfareRules,
      parseWelfareRules({ "d.json": [oldAgeIncomeTest(shippedOldAge)] }),
    );
    /** The fields the chat would ask, one at a time, of someone who answers like `person`. */
    const asked = (ruleSet: typeof rules, person: EligibilityProfile) => {
      const seen: string[] = [];
      for (let profile: EligibilityProfile = {}; ; ) {
        const next = questionsNeeded(profile, undefined, { rules: ruleSet, asOf: "2027-10-01" })
          .fields[0];
        if (!next) return seen;
        seen.push(next);
        profile = { ...profile, [next]: person[next as keyof EligibilityProfile] ?? [] };
      }
    };
    for (const person of [RICH_ELDER, POOR_ELDER]) {
      const before = asked(welfareRules, person);
      const after = asked(rules, person);
      expect(before).toContain("annualIncomePerPerson");
      expect(after.filter(field => !before.includes(field))).toEqual([]);
      expect(after.length).toBeLessThanOrEqual(before.length);
    }
  });

  it("a failing example keeps a version from being publishable and shows what it answered", () => {
    const draft = oldAgeIncomeTest(shippedOldAge);
    const wrong = {
      ...draft,
      examples: [
        ...draft.examples,
        { name: "ผิด: คนรายได้สูงได้สิทธิ์", profile: RICH_ELDER, expect: { status: "eligible" } },
      ],
    };
    const check = checkRuleVersion(wrong);
    expect(check.publishable).toBe(false);
    expect(check.examples.find(example => !example.passed)).toMatchObject({
      name: "ผิด: คนรายได้สูงได้สิทธิ์",
      expected: { status: "eligible" },
      got: { status: "not_eligible" },
    });
    expect(checkRuleVersion(draft).publishable).toBe(true);
  });

  it("names each problem of a malformed draft by its place", () => {
    const draft = oldAgeIncomeTest(shippedOldAge);
    const bad = checkRuleVersion({
      ...draft,
      criteria: [{ ...draft.criteria[0], test: "is", value: "lots" }],
      examples: [],
    });
    expect(bad.publishable).toBe(false);
    expect(bad.issues.map(issue => issue.path.join("."))).toContain("criteria.0.test");

    const noExamples = checkRuleVersion({ ...draft, examples: [] });
    expect(noExamples.issues.map(issue => issue.code)).toEqual(["no_examples"]);

    const unknownText = checkRuleVersion({
      ...draft,
      criteria: [{ ...draft.criteria[0], fail: { key: "oldAge.reason.noSuchText" } }],
    });
    expect(unknownText.issues).toMatchObject([
      { path: ["criteria", 0, "fail", "key"], code: "unknown_key" },
    ]);
  });
});

describe("amounts as data", () => {
  const shippedDisability = welfareRules
    .filter(
      (rule): rule is RuleOf<"disability_allowance"> => rule.benefit === "disability_allowance",
    )
    .at(-1)!;
  const CARD_HOLDER: EligibilityProfile = {
    ...THAI_ADULT,
    hasDisabilityCard: true,
    livesInStateCareHome: false,
  };
  /** A made-up 2027 version: 1,200 baht from age 60, a condition no code knows about. */
  const olderRaise = {
    ...shippedDisability,
    effective: "2027-10-01",
    source: { title: "มติคณะรัฐมนตรี (ทดสอบ)", url: "https://example.org/raise" },
    higherAmount: {
      monthlyAmount: 1200,
      whenAny: [
        {
          field: "age",
          test: "atLeast",
          value: 60,
          pass: {
            th: "อายุ {{value}} ปี ได้เดือนละ {{amount}} บาท",
            en: "{{amount}} baht at {{value}}",
          },
        },
      ],
    },
    examples: [
      {
        name: "อายุ 65",
        profile: { ...CARD_HOLDER, age: 65 },
        expect: { status: "eligible", monthlyAmount: 1200 },
      },
    ],
  };

  it("a new condition for a higher amount is data: it pays from its date on, with its own text", () => {
    const rules = withPublished(welfareRules, parseWelfareRules({ "raise.json": [olderRaise] }));
    const at65 = { ...CARD_HOLDER, age: 65 };
    expect(
      resultFor("disability_allowance", at65, { rules, asOf: "2027-09-30" }).monthlyAmount,
    ).toBe(800);
    const after = resultFor("disability_allowance", at65, { rules, asOf: "2027-10-01" });
    expect(after).toMatchObject({ status: "eligible", monthlyAmount: 1200, missing: [] });
    expect(after.reasons.join(" ")).toContain("อายุ 65 ปี ได้เดือนละ 1,200 บาท");
    const younger = resultFor(
      "disability_allowance",
      { ...CARD_HOLDER, age: 40 },
      {
        rules,
        asOf: "2027-10-01",
      },
    );
    expect(younger.monthlyAmount).toBe(800);
    // Without the age the lower amount is paid, and the age is still asked: it could raise it.
    const noAge = resultFor("disability_allowance", CARD_HOLDER, { rules, asOf: "2027-10-01" });
    expect(noAge).toMatchObject({ status: "eligible", monthlyAmount: 800, missing: ["age"] });
    expect(noAge.reasons.join(" ")).toContain("1,200 บาท");
  });

  it("the admin check accepts the new form and names what is wrong in it by its place", () => {
    expect(checkRuleVersion(olderRaise).publishable).toBe(true);
    const [condition] = olderRaise.higherAmount.whenAny;
    const places = (input: unknown) =>
      checkRuleVersion(input).issues.map(issue => issue.path.join("."));
    // A yes/no field cannot be "at least"; a condition must say why it raises the amount.
    expect(
      places({
        ...olderRaise,
        higherAmount: {
          monthlyAmount: 1200,
          whenAny: [
            { ...condition, field: "hasStateWelfareCard" },
            { ...condition, pass: undefined },
          ],
        },
      }),
    ).toEqual(["higherAmount.whenAny.0.test", "higherAmount.whenAny.1.pass"]);
    // The form before conditions were data is refused, not silently ignored.
    expect(
      places({
        ...olderRaise,
        higherAmount: { monthlyAmount: 1200, underAge: 18, whenAny: [condition] },
      }),
    ).toEqual(["higherAmount"]);
    expect(
      checkRuleVersion({
        ...olderRaise,
        higherAmount: {
          monthlyAmount: 1200,
          whenAny: [{ ...condition, pass: { key: "disability.reason.noSuchText" } }],
        },
      }).issues,
    ).toMatchObject([{ path: ["higherAmount", "whenAny", 0, "pass", "key"], code: "unknown_key" }]);
  });
});
