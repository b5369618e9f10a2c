import { describe, expect, it } from "vitest";
import { resultFor } from "./translate";

describe("allowance for people living with HIV", () => {
  it("someone a doctor has certified who is poor or without support gets 500 baht a month", () => {
    const result = resultFor("hiv_allowance", { hivCertified: true, poorOrWithoutSupport: true });
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBe(500);
  });

  it("certified but with enough income and support: not eligible (the means test decides)", () => {
    const result = resultFor("hiv_allowance", { hivCertified: true, poorOrWithoutSupport: false });
    expect(result.status).toBe("not_eligible");
    expect(result.monthlyAmount).toBeUndefined();
    expect(result.reasons.join(" ")).toContain("ยากจนหรือไม่มีผู้อุปการะ");
  });

  it("certified but not asked about means: unknown, naming the question", () => {
    const result = resultFor("hiv_allowance", { hivCertified: true });
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["poorOrWithoutSupport"]);
  });

  it("without a doctor's certification it is not granted", () => {
    const result = resultFor("hiv_allowance", { hivCertified: false });
    expect(result.status).toBe("not_eligible");
  });

  it("without the certification answer the result is unknown and names it", () => {
    const result = resultFor("hiv_allowance", {});
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["hivCertified", "poorOrWithoutSupport"]);
  });

  it("notes that the income ceiling is set locally", () => {
    const result = resultFor("hiv_allowance", { hivCertified: true });
    expect(result.notes.join(" ")).toContain("เพดานรายได้");
  });

  it("asks for the medical certificate", () => {
    const result = resultFor("hiv_allowance", { hivCertified: true });
    expect(result.documents).toContain("ใบรับรองแพทย์");
  });
});
