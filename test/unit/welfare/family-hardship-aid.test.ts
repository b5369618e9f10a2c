import { describe, expect, it } from "vitest";
import { resultFor } from "./translate";

/** A family with too little income to live on. */
const LOW = { poorOrWithoutSupport: true };

describe("aid for low-income families and people without support", () => {
  it.each([
    "head_of_family_died",
    "head_of_family_absent",
    "head_of_family_imprisoned",
    "chronic_illness_or_disability",
    "homeless",
    "without_support",
  ] as const)("a family whose hardship is %s may get up to 3,000 baht at one time", hardship => {
    const result = resultFor("family_hardship_aid", { ...LOW, hardships: [hardship] });
    expect(result.status).toBe("eligible");
    expect(result.oneOffAmount).toBe(3000);
    expect(result.monthlyAmount).toBeUndefined();
  });

  it("names the hardships and the maximum in the reasons", () => {
    const result = resultFor("family_hardship_aid", {
      ...LOW,
      hardships: ["head_of_family_absent", "homeless"],
    });
    expect(result.reasons).toContain(
      "ครอบครัวประสบความเดือดร้อน: หัวหน้าครอบครัวทอดทิ้งหรือสูญหาย, ไร้ที่อยู่อาศัย",
    );
    expect(result.reasons.join(" ")).toContain("3,000 บาท");
  });

  it("says when 3,000 began is uncertain, and that it used to be 2,000", () => {
    const notes = resultFor("family_hardship_aid", { ...LOW, hardships: ["homeless"] }).notes.join(
      " ",
    );
    expect(notes).toContain("2,000");
    expect(notes).toContain("3,000");
  });

  it("under the 2004 regulation: up to 2,000 a time, at most 3 times in a row", () => {
    const result = resultFor(
      "family_hardship_aid",
      { ...LOW, hardships: ["homeless"] },
      { asOf: "2015-01-01" },
    );
    expect(result).toMatchObject({ status: "eligible", oneOffAmount: 2000 });
    expect(result.reasons.join(" ")).toContain("3 ครั้ง");
    expect(result.source.effective).toBe("2004-01-01");
  });

  it("from Aug 2021, when sources first report it, up to 3,000 a time", () => {
    const result = resultFor(
      "family_hardship_aid",
      { ...LOW, hardships: ["homeless"] },
      { asOf: "2021-08-10" },
    );
    expect(result.oneOffAmount).toBe(3000);
  });

  it("a family in hardship whose income is enough to live on is not eligible", () => {
    const result = resultFor("family_hardship_aid", {
      poorOrWithoutSupport: false,
      hardships: ["head_of_family_died"],
    });
    expect(result.status).toBe("not_eligible");
    expect(result.reasons.join(" ")).toContain("รายได้น้อย");
  });

  it("a family in hardship not yet asked about its income is unknown, naming the question", () => {
    const result = resultFor("family_hardship_aid", { hardships: ["head_of_family_died"] });
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["poorOrWithoutSupport"]);
  });

  it("says an officer calls back and visits the home", () => {
    const notes = resultFor("family_hardship_aid", { ...LOW, hardships: ["homeless"] }).notes.join(
      " ",
    );
    expect(notes).toContain("เยี่ยมบ้าน");
  });

  it("a family with no hardship is not eligible", () => {
    const result = resultFor("family_hardship_aid", { hardships: [] });
    expect(result.status).toBe("not_eligible");
    expect(result.oneOffAmount).toBeUndefined();
  });

  it("without the hardships the answer is unknown and names them", () => {
    const result = resultFor("family_hardship_aid", LOW);
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["hardships"]);
  });

  it("is applied for online or at the provincial office", () => {
    const result = resultFor("family_hardship_aid", { hardships: ["homeless"] });
    expect(result.applyAt).toContain("พมจ.");
  });
});
