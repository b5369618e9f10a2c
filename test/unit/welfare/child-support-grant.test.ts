import { describe, expect, it } from "vitest";
import type { EligibilityProfile } from "../../../core/src/welfare";
import { resultFor } from "./translate";

const grant = (profile: EligibilityProfile, asOf?: string) =>
  resultFor("child_support_grant", profile, asOf ? { asOf } : {});

/** A Thai child living with the applicant (not in a care home). */
const thaiChild = (birthDate: string) => ({ birthDate, nationality: "TH", livesInCareHome: false });

describe("child support grant", () => {
  it("a Thai child under 6 in a household within the income limit gets 600 baht a month", () => {
    const result = grant({
      annualIncomePerPerson: 45000,
      children: [thaiChild("2022-03-01")],
    });
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(600);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toContain("เด็กคนที่ 1");
    expect(result.reasons[0]).toContain("600 บาท");
  });

  it("a child turning 6 on the check date no longer qualifies", () => {
    const result = grant({ annualIncomePerPerson: 45000, children: [thaiChild("2020-11-25")] });
    expect(result.status).toBe("not_eligible");
    expect(result.monthlyAmount).toBeUndefined();
  });

  it("a child turning 6 the day after the check date still qualifies", () => {
    const result = grant({ annualIncomePerPerson: 45000, children: [thaiChild("2020-11-26")] });
    expect(result.status).toBe("eligible");
  });

  it("a child born on 1 October 2015 is covered and one born the day before is not", () => {
    const asOf = "2021-06-01";
    const income = { annualIncomePerPerson: 45000 };
    expect(grant({ ...income, children: [thaiChild("2015-10-01")] }, asOf).status).toBe("eligible");
    expect(grant({ ...income, children: [thaiChild("2015-09-30")] }, asOf).status).toBe(
      "not_eligible",
    );
  });

  it("household income of exactly 100,000 per person qualifies", () => {
    const result = grant({ annualIncomePerPerson: 100000, children: [thaiChild("2023-01-01")] });
    expect(result.status).toBe("eligible");
  });

  it("household income of 100,001 per person does not qualify", () => {
    const result = grant({ annualIncomePerPerson: 100001, children: [thaiChild("2023-01-01")] });
    expect(result.status).toBe("not_eligible");
    expect(result.reasons[0]).toContain("เกินเกณฑ์ 100,000");
  });

  it("the monthly amount is the total for all eligible children, one reason line per child", () => {
    const result = grant({
      annualIncomePerPerson: 30000,
      children: [thaiChild("2021-05-05"), thaiChild("2024-07-01"), thaiChild("2019-01-01")],
    });
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(1200);
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[2]).toContain("เด็กคนที่ 3");
    expect(result.reasons[2]).toContain("อายุครบ 6 ปีแล้ว");
  });

  it("a child who is not Thai does not qualify, whatever the parent's nationality", () => {
    const notThai = grant({
      nationality: "TH",
      annualIncomePerPerson: 30000,
      children: [{ birthDate: "2023-01-01", nationality: "KH", livesInCareHome: false }],
    });
    expect(notThai.status).toBe("not_eligible");
    expect(notThai.reasons[0]).toContain("สัญชาติไทย");

    const foreignParent = grant({
      nationality: "KH",
      annualIncomePerPerson: 30000,
      children: [thaiChild("2023-01-01")],
    });
    expect(foreignParent.status).toBe("eligible");
  });

  it("a child whose nationality is not given leaves the answer unknown, naming that child", () => {
    const result = grant({
      annualIncomePerPerson: 30000,
      children: [{ birthDate: "2023-01-01", livesInCareHome: false }],
    });
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["children[0].nationality"]);
    expect(result.reasons[0]).toContain("สัญชาติของเด็กคนที่ 1");
  });

  it("with one child eligible and another undecided, it is eligible and still asks about the other", () => {
    const result = grant({
      annualIncomePerPerson: 30000,
      children: [thaiChild("2023-01-01"), { birthDate: "2024-02-02", livesInCareHome: false }],
    });
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(600);
    expect(result.missing).toEqual(["children[1].nationality"]);
  });

  it("without the household income the answer is unknown and names the income", () => {
    const result = grant({ children: [thaiChild("2023-01-01")] });
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["annualIncomePerPerson"]);
  });

  it("does not need the income when no child could qualify anyway", () => {
    const result = grant({ children: [thaiChild("2018-01-01")] });
    expect(result.status).toBe("not_eligible");
    expect(result.missing).toEqual([]);
  });

  it("without any answer about children the answer is unknown and names the children", () => {
    const result = grant({ annualIncomePerPerson: 30000 });
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["children"]);
  });

  it("an empty list of children means not eligible, with nothing more to ask", () => {
    const result = grant({ children: [] });
    expect(result.status).toBe("not_eligible");
    expect(result.missing).toEqual([]);
    expect(result.reasons).toHaveLength(1);
  });

  it("a birth date after the check date does not count yet", () => {
    const result = grant({ annualIncomePerPerson: 30000, children: [thaiChild("2027-01-01")] });
    expect(result.status).toBe("not_eligible");
  });

  it("asks for the child's birth certificate", () => {
    const result = grant({ annualIncomePerPerson: 30000, children: [thaiChild("2023-01-01")] });
    expect(result.documents).toContain("สูติบัตรของเด็ก");
  });
});
