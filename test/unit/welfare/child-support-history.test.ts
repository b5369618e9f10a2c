import { describe, expect, it } from "vitest";
import type { EligibilityProfile } from "../../../core/src/welfare";
import { resultFor } from "./translate";

const grant = (profile: EligibilityProfile, asOf?: string) =>
  resultFor("child_support_grant", profile, asOf ? { asOf } : {});

/** A Thai child living with the applicant (not in a care home). */
const thaiChild = (birthDate: string) => ({ birthDate, nationality: "TH", livesInCareHome: false });
/** A family that answered the first years' questions (other state child benefits, household). */
const FIRST_YEARS_FAMILY = {
  receivesOtherStateChildBenefit: false,
  meetsEarlyChildGrantConditions: true,
};

describe("child support grant: care homes and history", () => {
  it("a child living in a state or private care home is not eligible", () => {
    const result = grant({
      annualIncomePerPerson: 45000,
      children: [{ ...thaiChild("2022-03-01"), livesInCareHome: true }],
    });
    expect(result.status).toBe("not_eligible");
    expect(result.reasons[0]).toContain("สถานสงเคราะห์");
  });

  it("only the child living in a care home is left out; a sibling at home still counts", () => {
    const result = grant({
      annualIncomePerPerson: 45000,
      children: [{ ...thaiChild("2022-03-01"), livesInCareHome: true }, thaiChild("2023-05-01")],
    });
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(600);
  });

  it("from 1 Oct 2015: 400 baht a month until the child turns 1", () => {
    const result = grant(
      { ...FIRST_YEARS_FAMILY, annualIncomePerPerson: 30000, children: [thaiChild("2015-12-01")] },
      "2016-06-01",
    );
    expect(result).toMatchObject({ status: "eligible", monthlyAmount: 400 });
    expect(result.source.effective).toBe("2015-10-01");
    expect(result.reasons[0]).toContain("1 ปี");
  });

  it("a check dated 2017 uses the 2016 figures: 600 baht to age 3, ceiling 36,000", () => {
    const profile = {
      ...FIRST_YEARS_FAMILY,
      annualIncomePerPerson: 30000,
      children: [thaiChild("2016-02-01")],
    };
    const result = grant(profile, "2017-06-01");
    expect(result).toMatchObject({ status: "eligible", monthlyAmount: 600 });
    expect(result.source.effective).toBe("2016-10-01");
    expect(result.reasons[0]).toContain("3 ปี");
    // 50,000 a head passes today's 100,000 ceiling but not the ceiling of 2017.
    const over = grant({ ...profile, annualIncomePerPerson: 50000 }, "2017-06-01");
    expect(over.status).toBe("not_eligible");
    expect(over.reasons[0]).toContain("36,000");
  });

  it("from fiscal year 2019 (1 Oct 2018, cabinet decision of 26 Mar 2019): to age 6, ceiling 100,000", () => {
    const result = grant(
      { annualIncomePerPerson: 50000, children: [thaiChild("2016-02-01")] },
      "2019-06-01",
    );
    expect(result).toMatchObject({ status: "eligible", monthlyAmount: 600 });
    expect(result.source.effective).toBe("2018-10-01");
    expect(result.missing).toEqual([]);
  });

  it("the first years' condition the profile has not answered is unknown with the field named", () => {
    const result = grant(
      { annualIncomePerPerson: 30000, children: [thaiChild("2016-02-01")] },
      "2017-06-01",
    );
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual([
      "receivesOtherStateChildBenefit",
      "meetsEarlyChildGrantConditions",
    ]);
    // The first year's household conditions are not asked: the answer says so, not guesses.
    expect(result.notes.join(" ")).toContain("ฐานะของครอบครัว");
  });

  it("in the first years a family already on a social-security child allowance was not eligible", () => {
    const result = grant(
      {
        receivesOtherStateChildBenefit: true,
        annualIncomePerPerson: 30000,
        children: [thaiChild("2016-02-01")],
      },
      "2017-06-01",
    );
    expect(result.status).toBe("not_eligible");
  });

  it("today the other-benefit question is never asked: social security families may apply", () => {
    const result = grant({ annualIncomePerPerson: 30000, children: [thaiChild("2022-02-01")] });
    expect(result.status).toBe("eligible");
    expect(result.missing).toEqual([]);
  });
});

describe("child support grant: the first years' household conditions", () => {
  const ANSWERED = { receivesOtherStateChildBenefit: false, annualIncomePerPerson: 30000 };

  it("a check dated 2016 that does not know them is unknown naming the field, not a guess", () => {
    const result = grant({ ...ANSWERED, children: [thaiChild("2015-12-01")] }, "2016-06-01");
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["meetsEarlyChildGrantConditions"]);
    expect(result.monthlyAmount).toBeUndefined();
  });

  it("answered through the API, the same check is eligible at 400; not met, not eligible", () => {
    const profile = { ...ANSWERED, children: [thaiChild("2015-12-01")] };
    const met = grant({ ...profile, meetsEarlyChildGrantConditions: true }, "2016-06-01");
    expect(met).toMatchObject({ status: "eligible", monthlyAmount: 400 });
    const notMet = grant({ ...profile, meetsEarlyChildGrantConditions: false }, "2016-06-01");
    expect(notMet.status).toBe("not_eligible");
    expect(notMet.reasons.join(" ")).toContain("ไม่มีรถยนต์");
  });

  it("a check dated 2020 does not need them", () => {
    const result = grant(
      { annualIncomePerPerson: 30000, children: [thaiChild("2016-02-01")] },
      "2020-06-01",
    );
    expect(result).toMatchObject({ status: "eligible", monthlyAmount: 600, missing: [] });
  });
});
