import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  MAX_CHILDREN,
  eligibilityRequestSchema,
  eligibilityResponseSchema,
} from "../../../core/src/welfare";
import { assess } from "./translate";

const CONTRACT_EXAMPLE = {
  asOf: "2026-11-25",
  age: 72,
  nationality: "TH",
  hasDisabilityCard: true,
  hasStateWelfareCard: false,
  receivesGovernmentPension: false,
  livesInStateCareHome: false,
  annualIncomePerPerson: 45000,
  financialAssets: 20000,
  children: [{ birthDate: "2022-03-01", nationality: "TH", livesInCareHome: false }],
  hivCertified: false,
  poorOrWithoutSupport: true,
  hardships: ["head_of_family_absent", "chronic_illness_or_disability", "homeless"],
};

const accepts = (input: unknown) => eligibilityRequestSchema.safeParse(input).success;

describe("the request schema", () => {
  it("accepts the example from the contract", () => {
    expect(accepts(CONTRACT_EXAMPLE)).toBe(true);
  });

  it("accepts an empty profile, since every field is optional", () => {
    expect(accepts({})).toBe(true);
  });

  it("accepts ages 0 and 130 and rejects -1, 131 and fractions", () => {
    expect(accepts({ age: 0 })).toBe(true);
    expect(accepts({ age: 130 })).toBe(true);
    expect(accepts({ age: -1 })).toBe(false);
    expect(accepts({ age: 131 })).toBe(false);
    expect(accepts({ age: 72.5 })).toBe(false);
  });

  it("rejects negative income and assets", () => {
    expect(accepts({ annualIncomePerPerson: -1 })).toBe(false);
    expect(accepts({ financialAssets: -1 })).toBe(false);
    expect(accepts({ annualIncomePerPerson: 0 })).toBe(true);
  });

  it(`allows at most ${MAX_CHILDREN} children`, () => {
    const child = { birthDate: "2022-03-01", nationality: "TH" };
    expect(accepts({ children: Array(20).fill(child) })).toBe(true);
    expect(accepts({ children: Array(21).fill(child) })).toBe(false);
  });

  it("rejects dates that are not real calendar dates", () => {
    expect(accepts({ asOf: "2026-02-30" })).toBe(false);
    expect(accepts({ asOf: "25/11/2026" })).toBe(false);
    expect(accepts({ children: [{ birthDate: "2022-13-01" }] })).toBe(false);
    expect(accepts({ asOf: "2024-02-29" })).toBe(true);
  });

  it("rejects hardships it does not know and repeated ones", () => {
    expect(accepts({ hardships: ["bad_luck"] })).toBe(false);
    expect(accepts({ hardships: ["homeless", "homeless"] })).toBe(false);
  });

  it("reads a lower-case nationality code as upper case", () => {
    expect(eligibilityRequestSchema.parse({ nationality: " th " }).nationality).toBe("TH");
    expect(accepts({ nationality: "Thai" })).toBe(false);
  });

  it("describes its fields for API documentation", () => {
    for (const [name, field] of Object.entries(eligibilityRequestSchema.shape)) {
      expect(z.globalRegistry.get(field)?.description, name).toBeTruthy();
    }
  });
});

describe("the response", () => {
  it("for the contract example matches the response schema", () => {
    const profile = eligibilityRequestSchema.parse(CONTRACT_EXAMPLE);
    const response = assess(profile, { asOf: profile.asOf! });
    expect(eligibilityResponseSchema.safeParse(response).success).toBe(true);
    expect(response.asOf).toBe("2026-11-25");
  });

  it("for the contract example gives the amounts the rules document states", () => {
    const profile = eligibilityRequestSchema.parse(CONTRACT_EXAMPLE);
    const byBenefit = Object.fromEntries(
      assess(profile).results.map(result => [result.benefit, result]),
    );
    expect(byBenefit.old_age_allowance).toMatchObject({ status: "eligible", monthlyAmount: 700 });
    expect(byBenefit.disability_allowance).toMatchObject({
      status: "eligible",
      monthlyAmount: 800,
    });
    expect(byBenefit.child_support_grant).toMatchObject({ status: "eligible", monthlyAmount: 600 });
    expect(byBenefit.state_welfare_card).toMatchObject({ status: "eligible" });
    expect(byBenefit.family_hardship_aid).toMatchObject({ status: "eligible", oneOffAmount: 3000 });
    expect(byBenefit.hiv_allowance).toMatchObject({ status: "not_eligible" });
  });

  it("always gives the 1300 hotline", () => {
    expect(assess({}).notes.join(" ")).toContain("1300");
  });
});
