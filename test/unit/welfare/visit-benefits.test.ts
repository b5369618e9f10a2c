import { describe, expect, it } from "vitest";
import {
  BENEFIT_IDS,
  memberProfile,
  REFERRAL_AGENCY_OF_BENEFIT,
  ruleInForce,
  unclaimedBenefits,
  welfareRules,
  type VisitHousehold,
} from "../../../core/src/welfare";
import { CHECK_DATE, welfareTranslator } from "./translate";

const found = (household: VisitHousehold) =>
  unclaimedBenefits(household, { asOf: CHECK_DATE, t: welfareTranslator("th") }).map(f => ({
    member: f.member,
    age: f.age,
    benefit: f.result.benefit,
    monthly: f.result.monthlyAmount,
  }));

describe("benefits found on a household visit", () => {
  it("finds the old-age allowance for a grandmother of 72 with its amount, documents and office", () => {
    const [grandma, ...rest] = unclaimedBenefits(
      { members: [{ age: 72 }, { age: 40 }], monthlyIncome: 6000 },
      { asOf: CHECK_DATE, t: welfareTranslator("th") },
    );
    expect(rest).toEqual([]);
    expect(grandma).toMatchObject({ member: 0, age: 72 });
    expect(grandma!.result).toMatchObject({ benefit: "old_age_allowance", monthlyAmount: 700 });
    expect(grandma!.result.documents.length).toBeGreaterThan(0);
    expect(grandma!.result.applyAt).toContain("อบต.");
    expect(grandma!.agency).toBe("local_authority");
  });

  it("leaves out a benefit the member already receives", () => {
    expect(found({ members: [{ age: 72, receives: ["old_age_allowance"] }] })).toEqual([]);
  });

  it("finds the disability allowance for a member with a disability, on top of the old-age one", () => {
    expect(found({ members: [{ age: 30 }, { age: 65, disability: true }] })).toEqual([
      { member: 1, age: 65, benefit: "old_age_allowance", monthly: 600 },
      { member: 1, age: 65, benefit: "disability_allowance", monthly: expect.any(Number) },
    ]);
  });

  it("counts the age from a Buddhist-era birth date as Thai records write it", () => {
    // 2496 BE = 1953: 73 on the check date.
    expect(found({ members: [{ birthDate: "2496-01-15" }] })).toEqual([
      { member: 0, age: 73, benefit: "old_age_allowance", monthly: 700 },
    ]);
    expect(memberProfile({ birthDate: "1953-01-15" }, { members: [{}] }).birthDate).toBe(
      "1953-01-15",
    );
  });

  it("decides from a Buddhist-era birth year when both possible ages agree", () => {
    // 2490 BE = 1947: 78 or 79, the same 700 baht either way.
    expect(found({ members: [{ birthYearBE: 2490 }] })).toEqual([
      { member: 0, age: undefined, benefit: "old_age_allowance", monthly: 700 },
    ]);
  });

  it("finds nothing for a member whose ID says they are not Thai, nor without any age", () => {
    expect(found({ members: [{ age: 72, nationalId: "6101234567897" }, {}] })).toEqual([]);
  });

  it("takes the household's monthly income as a yearly income per person", () => {
    const household = { members: [{ age: 70 }, { age: 40 }, { age: 10 }], monthlyIncome: 9000 };
    expect(memberProfile(household.members[0]!, household)).toMatchObject({
      age: 70,
      nationality: "TH",
      annualIncomePerPerson: 36_000,
      livesInStateCareHome: false,
    });
  });

  it("names for each benefit the same office its rule in force says to apply at", () => {
    const agencyOfKey: Record<string, string> = {
      "applyAt.localAuthority": "local_authority",
      "applyAt.provincialOffice": "provincial_office",
    };
    for (const benefit of BENEFIT_IDS) {
      const rule = ruleInForce(welfareRules, benefit, CHECK_DATE)!;
      expect([benefit, REFERRAL_AGENCY_OF_BENEFIT[benefit]]).toEqual([
        benefit,
        agencyOfKey[rule.applyAt] ?? "other",
      ]);
    }
  });
});
