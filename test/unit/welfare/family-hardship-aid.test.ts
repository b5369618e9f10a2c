import { describe, expect, it } from "vitest";
import { resultFor } from "./translate";

describe("aid for low-income families and people without support", () => {
  it.each([
    "head_of_family_died",
    "head_of_family_absent",
    "head_of_family_imprisoned",
    "chronic_illness_or_disability",
    "homeless",
    "without_support",
  ] as const)("a family whose hardship is %s may get up to 3,000 baht at one time", hardship => {
    const result = resultFor("family_hardship_aid", { hardships: [hardship] });
    expect(result.status).toBe("eligible");
    expect(result.oneOffAmount).toBe(3000);
    expect(result.monthlyAmount).toBeUndefined();
  });

  it("names the hardships and the maximum in the reasons", () => {
    const result = resultFor("family_hardship_aid", {
      hardships: ["head_of_family_absent", "homeless"],
    });
    expect(result.reasons).toContain(
      "ครอบครัวประสบความเดือดร้อน: หัวหน้าครอบครัวทอดทิ้งหรือสูญหาย, ไร้ที่อยู่อาศัย",
    );
    expect(result.reasons.join(" ")).toContain("3,000 บาท");
  });

  it("says the amount is uncertain: older pages say 2,000 at most 3 times", () => {
    const notes = resultFor("family_hardship_aid", { hardships: ["homeless"] }).notes.join(" ");
    expect(notes).toContain("2,000");
    expect(notes).toContain("3 ครั้ง");
  });

  it("says an officer calls back and visits the home", () => {
    const notes = resultFor("family_hardship_aid", { hardships: ["homeless"] }).notes.join(" ");
    expect(notes).toContain("เยี่ยมบ้าน");
  });

  it("a family with no hardship is not eligible", () => {
    const result = resultFor("family_hardship_aid", { hardships: [] });
    expect(result.status).toBe("not_eligible");
    expect(result.oneOffAmount).toBeUndefined();
  });

  it("without the hardships the answer is unknown and names them", () => {
    const result = resultFor("family_hardship_aid", {});
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["hardships"]);
  });

  it("is applied for online or at the provincial office", () => {
    const result = resultFor("family_hardship_aid", { hardships: ["homeless"] });
    expect(result.applyAt).toContain("พมจ.");
  });
});
