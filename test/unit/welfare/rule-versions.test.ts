import { describe, expect, it } from "vitest";
import {
  BENEFIT_IDS,
  parseWelfareRules,
  questionsNeeded,
  ruleInForce,
  welfareRules,
  withPublished,
  type RuleOf,
  type WelfareRuleInput,
} from "../../../core/src/welfare";
import { CHECK_DATE, THAI_ADULT, assess, resultFor } from "./translate";

const shippedOldAge = welfareRules.find(
  (rule): rule is RuleOf<"old_age_allowance"> => rule.benefit === "old_age_allowance",
)!;

/** A hypothetical raise, as staff would add it: a new version in the data, nothing else. */
const raise: WelfareRuleInput = {
  ...shippedOldAge,
  effective: "2027-01-01",
  source: { title: "มติคณะรัฐมนตรี (ทดสอบ)", url: "https://example.org/raise" },
  ageBands: [
    { fromAge: 60, monthlyAmount: 650 },
    { fromAge: 70, monthlyAmount: 750 },
    { fromAge: 80, monthlyAmount: 850 },
    { fromAge: 90, monthlyAmount: 1050 },
  ],
};

describe("rule versions", () => {
  it("the shipped rules have a version of every benefit in force on the check date", () => {
    for (const benefit of BENEFIT_IDS) {
      expect(ruleInForce(welfareRules, benefit, CHECK_DATE), benefit).toBeDefined();
    }
  });

  it("a version with a later effective date is picked only from that date on", () => {
    const rules = [...welfareRules, ...parseWelfareRules({ "raise.json": [raise] })];
    const profile = { ...THAI_ADULT, age: 65 };

    const before = resultFor("old_age_allowance", profile, { rules, asOf: "2026-12-31" });
    expect(before.monthlyAmount).toBe(600);
    expect(before.source.effective).toBe("2011-10-01");

    const onTheDay = resultFor("old_age_allowance", profile, { rules, asOf: "2027-01-01" });
    expect(onTheDay.monthlyAmount).toBe(650);
    expect(onTheDay.source).toEqual({
      title: "มติคณะรัฐมนตรี (ทดสอบ)",
      url: "https://example.org/raise",
      effective: "2027-01-01",
      version: "old_age_allowance@2027-01-01",
    });
  });

  it("names the exact version that decided: a published one by its stored id", () => {
    const published = { ...parseWelfareRules({ "raise.json": [raise] })[0]!, versionId: "v7Kq2" };
    const rules = withPublished(welfareRules, [published]);
    const profile = { ...THAI_ADULT, age: 65 };
    expect(
      resultFor("old_age_allowance", profile, { rules, asOf: "2027-06-01" }).source.version,
    ).toBe("v7Kq2");
    // Before its date the bundled version answers, named by its benefit and effective date.
    expect(
      resultFor("old_age_allowance", profile, { rules, asOf: "2026-06-01" }).source.version,
    ).toBe("old_age_allowance@2011-10-01");
  });

  it("the order of versions in the data does not matter", () => {
    const rules = [...parseWelfareRules({ "raise.json": [raise] }), ...welfareRules];
    const result = resultFor(
      "old_age_allowance",
      { ...THAI_ADULT, age: 65 },
      {
        rules,
        asOf: "2028-01-01",
      },
    );
    expect(result.monthlyAmount).toBe(650);
  });

  it("a benefit with no version in force on the check date is left out of the answer", () => {
    const { results } = assess({}, { asOf: "2015-09-30" });
    const benefits = results.map(result => result.benefit);
    expect(benefits).not.toContain("child_support_grant");
    expect(benefits).not.toContain("state_welfare_card");
    expect(benefits).toContain("old_age_allowance");
    expect(
      questionsNeeded({}, undefined, { asOf: "2015-09-30" }).benefits.map(b => b.benefit),
    ).not.toContain("child_support_grant");
  });

  it("results follow the standard benefit order", () => {
    expect(assess({}).results.map(result => result.benefit)).toEqual([...BENEFIT_IDS]);
  });
});

describe("rules files are checked when loaded", () => {
  const load = (data: unknown) => () => parseWelfareRules({ "broken.json": data });

  it("a wrongly typed amount fails, naming the file", () => {
    expect(load([{ ...raise, ageBands: [{ fromAge: 60, monthlyAmount: "600" }] }])).toThrow(
      /broken\.json/,
    );
  });

  it("a misspelt field fails rather than being ignored", () => {
    expect(load([{ ...raise, efective: "2027-01-01" }])).toThrow(/efective/);
  });

  it("an impossible effective date fails", () => {
    expect(load([{ ...raise, effective: "2027-02-30" }])).toThrow(/effective/);
  });

  it("an unknown benefit fails", () => {
    expect(load([{ ...raise, benefit: "free_lunch" }])).toThrow();
  });

  it("age bands out of order fail", () => {
    expect(
      load([
        {
          ...raise,
          ageBands: [
            { fromAge: 70, monthlyAmount: 700 },
            { fromAge: 60, monthlyAmount: 600 },
          ],
        },
      ]),
    ).toThrow(/ascending/);
  });

  it("a registration round that closes before it opens fails", () => {
    const card = welfareRules.find(rule => rule.benefit === "state_welfare_card")!;
    expect(
      load([{ ...card, registrationRounds: [{ opens: "2027-02-01", closes: "2027-01-01" }] }]),
    ).toThrow(/round/);
  });

  it("two versions of one benefit with the same effective date fail", () => {
    expect(() => parseWelfareRules({ "a.json": [raise], "b.json": [raise] })).toThrow(
      /Two versions of old_age_allowance/,
    );
  });

  it("an empty file fails", () => {
    expect(load([])).toThrow();
  });
});
