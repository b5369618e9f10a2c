import { describe, expect, it } from "vitest";
import { THAI_ADULT, resultFor } from "./translate";

const oldAge = (profile: Parameters<typeof resultFor>[1], asOf?: string) =>
  resultFor("old_age_allowance", profile, asOf ? { asOf } : {});

describe("old-age allowance", () => {
  it.each([
    [60, 600],
    [69, 600],
    [70, 700],
    [79, 700],
    [80, 800],
    [89, 800],
    [90, 1000],
    [104, 1000],
  ])("a Thai person aged %i gets %i baht a month", (age, amount) => {
    const result = oldAge({ ...THAI_ADULT, age });
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(amount);
    expect(result.missing).toEqual([]);
  });

  it("a person aged 59 is not eligible but is told they may register ahead", () => {
    const result = oldAge({ ...THAI_ADULT, age: 59 });
    expect(result.status).toBe("not_eligible");
    expect(result.monthlyAmount).toBeUndefined();
    // The reason names the starting age, not the age given: a chat answer may be a band.
    expect(result.reasons.join(" ")).toContain("ยังไม่ถึง 60 ปี");
    expect(result.notes.some(note => note.includes("ลงทะเบียนล่วงหน้า"))).toBe(true);
  });

  it("a person aged 58 is not told about registering ahead", () => {
    const result = oldAge({ ...THAI_ADULT, age: 58 });
    expect(result.status).toBe("not_eligible");
    expect(result.notes.some(note => note.includes("ลงทะเบียนล่วงหน้า"))).toBe(false);
  });

  it("the reason for an eligible person names the age band and the amount in Thai", () => {
    const result = oldAge({ ...THAI_ADULT, age: 72 });
    expect(result.reasons).toContain("อยู่ในช่วงอายุ 70–79 ปี ได้รับเดือนละ 700 บาท");
  });

  it("the top band is written with grouped digits", () => {
    const result = oldAge({ ...THAI_ADULT, age: 95 });
    expect(result.reasons.join(" ")).toContain("1,000 บาท");
  });

  it("someone receiving a government pension is not eligible", () => {
    const result = oldAge({ ...THAI_ADULT, age: 75, receivesGovernmentPension: true });
    expect(result.status).toBe("not_eligible");
    expect(result.reasons.join(" ")).toContain("บำนาญ");
  });

  it("someone living in a state care home is not eligible", () => {
    const result = oldAge({ ...THAI_ADULT, age: 75, livesInStateCareHome: true });
    expect(result.status).toBe("not_eligible");
  });

  it("a non-Thai person is not eligible, with the nationality as the reason", () => {
    const result = oldAge({ ...THAI_ADULT, nationality: "MM", age: 75 });
    expect(result.status).toBe("not_eligible");
    expect(result.reasons).toContain("สิทธินี้สำหรับผู้มีสัญชาติไทยเท่านั้น");
  });

  it("without an age the answer is unknown and names the age as missing", () => {
    const result = oldAge(THAI_ADULT);
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["age"]);
    expect(result.monthlyAmount).toBeUndefined();
    expect(result.reasons.at(-1)).toContain("อายุ");
  });

  it("an empty profile is unknown and lists every field the decision needs", () => {
    const result = oldAge({});
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(
      expect.arrayContaining([
        "nationality",
        "age",
        "receivesGovernmentPension",
        "livesInStateCareHome",
      ]),
    );
  });

  it("a known disqualification decides even while other answers are missing", () => {
    const result = oldAge({ age: 40 });
    expect(result.status).toBe("not_eligible");
    expect(result.missing).toEqual([]);
  });

  it("carries the uncertain 2023 income rule for new applicants as a note", () => {
    const result = oldAge({ ...THAI_ADULT, age: 65 });
    expect(result.notes.some(note => note.includes("12 ส.ค. 2566"))).toBe(true);
  });

  it("does not mention the 2023 income rule on a date before it took effect", () => {
    const result = oldAge({ ...THAI_ADULT, age: 65 }, "2023-08-11");
    expect(result.notes.some(note => note.includes("2566"))).toBe(false);
  });

  it("cites the 2011 cabinet decision as its source with where and what to bring", () => {
    const result = oldAge({ ...THAI_ADULT, age: 65 });
    expect(result.source.effective).toBe("2011-10-01");
    expect(result.source.url).toMatch(/^https:\/\//);
    expect(result.documents).toEqual(
      expect.arrayContaining(["บัตรประจำตัวประชาชน", "ทะเบียนบ้าน", "สมุดบัญชีเงินฝากธนาคาร"]),
    );
    expect(result.applyAt).toContain("อบต.");
  });
});
