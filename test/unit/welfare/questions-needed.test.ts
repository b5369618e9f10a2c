import { describe, expect, it } from "vitest";
import { questionsNeeded } from "../../../core/src/welfare";
import { CHECK_DATE } from "./translate";

const asOf = { asOf: CHECK_DATE };

describe("questionsNeeded", () => {
  it("a disability card holder asking only about the disability allowance is never asked about income", () => {
    const { fields } = questionsNeeded(
      { hasDisabilityCard: true, nationality: "TH" },
      ["disability_allowance"],
      asOf,
    );
    // A state care home rules it out first; since the card's 200-baht top-up ended (Apr 2023)
    // only age can then raise the amount.
    expect(fields).toEqual(["livesInStateCareHome"]);
    expect(
      questionsNeeded(
        { hasDisabilityCard: true, nationality: "TH", livesInStateCareHome: false },
        ["disability_allowance"],
        asOf,
      ).fields,
    ).toEqual(["age"]);
  });

  it("needs nothing more once a card holder's age settles the amount", () => {
    const needed = questionsNeeded(
      { hasDisabilityCard: true, nationality: "TH", age: 12, livesInStateCareHome: false },
      ["disability_allowance"],
      asOf,
    );
    expect(needed.fields).toEqual([]);
    expect(needed.benefits).toEqual([{ benefit: "disability_allowance", missing: [] }]);
  });

  it("asks no child questions when the children list is empty", () => {
    const { fields } = questionsNeeded({ children: [] }, undefined, asOf);
    expect(fields.some(field => field.startsWith("children"))).toBe(false);
  });

  it("asks about children when nothing is known about them", () => {
    const { fields } = questionsNeeded({}, ["child_support_grant"], asOf);
    expect(fields).toEqual(["children"]);
  });

  it("asks for each child's nationality and care home by position, then the household income", () => {
    const { fields } = questionsNeeded(
      { children: [{ birthDate: "2023-01-01" }, { birthDate: "2024-01-01" }] },
      ["child_support_grant"],
      asOf,
    );
    expect(fields).toEqual([
      "children[0].nationality",
      "children[0].livesInCareHome",
      "children[1].nationality",
      "children[1].livesInCareHome",
      "annualIncomePerPerson",
    ]);
  });

  it("does not ask about a child who is already too old", () => {
    const { fields } = questionsNeeded(
      { children: [{ birthDate: "2018-01-01" }] },
      ["child_support_grant"],
      asOf,
    );
    expect(fields).toEqual([]);
  });

  it("asks first for the nationality, which settles the most benefits", () => {
    expect(questionsNeeded({}, undefined, asOf).fields[0]).toBe("nationality");
  });

  it("after a non-Thai answer, drops the questions of the Thai-only benefits", () => {
    const { fields, benefits } = questionsNeeded({ nationality: "MM" }, undefined, asOf);
    expect(fields).not.toContain("age");
    expect(fields).not.toContain("hasDisabilityCard");
    expect(fields).not.toContain("receivesGovernmentPension");
    expect(fields).toEqual(expect.arrayContaining(["children", "hardships", "hivCertified"]));
    expect(benefits.find(b => b.benefit === "old_age_allowance")?.missing).toEqual([]);
  });

  it("a person under 60 asking about the old-age allowance is asked nothing more", () => {
    const { fields } = questionsNeeded({ age: 45 }, ["old_age_allowance"], asOf);
    expect(fields).toEqual([]);
  });

  it("uses the profile's own check date when none is given", () => {
    const child = { birthDate: "2020-11-26", nationality: "TH", livesInCareHome: false };
    // On 2026-11-26 this child turns 6, so the income no longer matters.
    expect(
      questionsNeeded({ asOf: "2026-11-26", children: [child] }, ["child_support_grant"]).fields,
    ).toEqual([]);
    expect(
      questionsNeeded({ asOf: "2026-11-25", children: [child] }, ["child_support_grant"]).fields,
    ).toEqual(["annualIncomePerPerson"]);
  });
});
