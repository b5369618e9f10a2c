import { describe, expect, it } from "vitest";
import { THAI_ADULT, assess, resultFor } from "./translate";

const CARD_HOLDER = { ...THAI_ADULT, hasDisabilityCard: true };
/** A day while the 200-baht welfare-card top-up was paid (Oct 2020 – Mar 2023). */
const WHILE_TOP_UP = { asOf: "2021-06-01" };

describe("disability allowance", () => {
  it("a Thai adult with a disability card and no welfare card gets 800 baht a month", () => {
    const result = resultFor("disability_allowance", {
      ...CARD_HOLDER,
      age: 35,
      hasStateWelfareCard: false,
    });
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(800);
    expect(result.missing).toEqual([]);
  });

  it("a card holder aged 17 gets 1,000 baht a month", () => {
    const result = resultFor("disability_allowance", {
      ...CARD_HOLDER,
      age: 17,
      hasStateWelfareCard: false,
    });
    expect(result.monthlyAmount).toBe(1000);
    expect(result.reasons.join(" ")).toContain("1,000 บาท");
  });

  it("a card holder aged exactly 18 without a welfare card gets 800 baht", () => {
    const result = resultFor("disability_allowance", {
      ...CARD_HOLDER,
      age: 18,
      hasStateWelfareCard: false,
    });
    expect(result.monthlyAmount).toBe(800);
  });

  it("from Oct 2020 an adult who also holds the state welfare card gets 1,000 baht (800 + 200 on the card)", () => {
    const result = resultFor(
      "disability_allowance",
      { ...CARD_HOLDER, age: 45, hasStateWelfareCard: true },
      WHILE_TOP_UP,
    );
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(1000);
  });

  it("after the card's last 200-baht top-up (Mar 2023) an adult card holder is answered 800, with a note", () => {
    const result = resultFor("disability_allowance", {
      ...CARD_HOLDER,
      age: 45,
      hasStateWelfareCard: true,
    });
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(800);
    expect(result.missing).toEqual([]);
    expect(result.notes.join(" ")).toContain("มีนาคม 2566");
    expect(result.source.effective).toBe("2023-04-01");
  });

  it("before Oct 2020 everyone gets 800 baht, whatever the age or card, with a note on the date", () => {
    const result = resultFor(
      "disability_allowance",
      { ...CARD_HOLDER, age: 10, hasStateWelfareCard: true },
      { asOf: "2019-05-01" },
    );
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(800);
    expect(result.missing).toEqual([]);
    expect(result.notes.join(" ")).toContain("ตุลาคม 2563");
  });

  it("someone living in a state care home is not eligible (Interior Ministry regulation 2010, clause 6)", () => {
    for (const asOf of ["2019-05-01", "2021-06-01", "2026-11-25"]) {
      const result = resultFor(
        "disability_allowance",
        { ...CARD_HOLDER, age: 40, livesInStateCareHome: true },
        { asOf },
      );
      expect(result.status).toBe("not_eligible");
      expect(result.monthlyAmount).toBeUndefined();
      expect(result.reasons.join(" ")).toContain("สถานสงเคราะห์ของรัฐ");
    }
  });

  it("a card holder not yet asked about a state care home is unknown, not eligible", () => {
    const result = resultFor("disability_allowance", {
      nationality: "TH",
      hasDisabilityCard: true,
      age: 40,
    });
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["livesInStateCareHome"]);
  });

  it("a child is not asked about the welfare card, since under 18 already gives 1,000", () => {
    const result = resultFor("disability_allowance", { ...CARD_HOLDER, age: 10 });
    expect(result.monthlyAmount).toBe(1000);
    expect(result.missing).toEqual([]);
  });

  it("an eligible adult whose welfare card is unknown gets at least 800, and is asked about the card", () => {
    const result = resultFor("disability_allowance", { ...CARD_HOLDER, age: 30 }, WHILE_TOP_UP);
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(800);
    expect(result.missing).toEqual(["hasStateWelfareCard"]);
    expect(result.reasons.join(" ")).toContain("1,000 บาท");
  });

  it("someone without a disability card is not eligible and is told where to get one", () => {
    const result = resultFor("disability_allowance", { ...THAI_ADULT, hasDisabilityCard: false });
    expect(result.status).toBe("not_eligible");
    expect(result.notes.join(" ")).toContain("พมจ.");
  });

  it("without the disability card answer the result is unknown and names it", () => {
    const result = resultFor("disability_allowance", THAI_ADULT);
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["hasDisabilityCard"]);
  });

  it("a non-Thai card holder is not eligible", () => {
    const result = resultFor("disability_allowance", {
      ...CARD_HOLDER,
      nationality: "LA",
      age: 30,
    });
    expect(result.status).toBe("not_eligible");
    expect(result.reasons).toContain("สิทธินี้สำหรับผู้มีสัญชาติไทยเท่านั้น");
  });

  it("an older card holder gets both the disability and the old-age allowance", () => {
    const { results } = assess({ ...CARD_HOLDER, age: 72, hasStateWelfareCard: false });
    const disability = results.find(r => r.benefit === "disability_allowance")!;
    const oldAge = results.find(r => r.benefit === "old_age_allowance")!;
    expect(disability).toMatchObject({ status: "eligible", monthlyAmount: 800 });
    expect(oldAge).toMatchObject({ status: "eligible", monthlyAmount: 700 });
    expect(disability.notes).toContain("รับเบี้ยความพิการพร้อมกับเบี้ยยังชีพผู้สูงอายุได้");
  });

  it("an older card holder with the welfare card gets 1,000 disability plus the old-age band", () => {
    const { results } = assess(
      { ...CARD_HOLDER, age: 81, hasStateWelfareCard: true },
      WHILE_TOP_UP,
    );
    expect(results.find(r => r.benefit === "disability_allowance")?.monthlyAmount).toBe(1000);
    expect(results.find(r => r.benefit === "old_age_allowance")?.monthlyAmount).toBe(800);
  });

  it("asks for the disability card among the documents", () => {
    const result = resultFor("disability_allowance", { ...CARD_HOLDER, age: 30 });
    expect(result.documents).toContain("บัตรประจำตัวคนพิการ");
  });
});
