import { describe, expect, it } from "vitest";
import {
  parseWelfareRules,
  welfareRules,
  type EligibilityProfile,
  type RuleOf,
} from "../../../core/src/welfare";
import { resultFor } from "./translate";

const APPLICANT: EligibilityProfile = {
  nationality: "TH",
  age: 30,
  annualIncomePerPerson: 60000,
  financialAssets: 20000,
};

const card = (profile: EligibilityProfile, options: Parameters<typeof resultFor>[2] = {}) =>
  resultFor("state_welfare_card", profile, options);

describe("state welfare card", () => {
  it("a Thai adult within the income and asset limits is eligible in principle", () => {
    const result = card(APPLICANT);
    expect(result.status).toBe("eligible");
    expect(result.monthlyAmount).toBeUndefined();
  });

  it("says registration is closed and when the last round ran (5 Sep – 31 Oct 2022, extended from 19 Oct)", () => {
    const result = card(APPLICANT);
    expect(result.notes).toContain(
      "ขณะนี้ยังไม่เปิดลงทะเบียน รอบล่าสุดเปิดระหว่าง 5 ก.ย. 2565 ถึง 31 ต.ค. 2565 โปรดติดตามประกาศของกระทรวงการคลัง",
    );
  });

  it("eligible while no round is open reads 'meets the criteria, registration is closed now' first", () => {
    for (const language of ["th", "en"] as const) {
      const result = card(APPLICANT, { language });
      expect(result.status).toBe("eligible");
      expect(result.notes[0]).toBe(
        language === "th"
          ? "ท่านมีคุณสมบัติตามเกณฑ์ แต่ขณะนี้ปิดรับลงทะเบียนแล้ว จึงยังไม่ได้รับบัตร ต้องลงทะเบียนเมื่อเปิดรอบใหม่"
          : "You meet the criteria, but registration is closed now, so you do not receive the card yet: you need to register when a new round opens.",
      );
    }
  });

  it("the extension days 20–31 Oct 2022 are inside the round, 1 Nov is not", () => {
    expect(card(APPLICANT, { asOf: "2022-10-31" }).notes[0]).toMatch(/^ขณะนี้เปิดลงทะเบียนอยู่/);
    expect(card(APPLICANT, { asOf: "2022-11-01" }).notes[0]).toMatch(/^ท่านมีคุณสมบัติตามเกณฑ์/);
  });

  it("the announced 2025 round is a note, not a round with dates the sources do not confirm", () => {
    const notes = card(APPLICANT).notes.join(" ");
    expect(notes).toContain("2568");
    expect(notes).not.toContain("ขณะนี้เปิดลงทะเบียนอยู่");
  });

  it("says registration is open on a day inside the 2022 round, including its last day", () => {
    for (const asOf of ["2022-09-05", "2022-10-19"]) {
      const result = card(APPLICANT, { asOf });
      expect(result.notes.some(note => note.startsWith("ขณะนี้เปิดลงทะเบียนอยู่"))).toBe(true);
    }
  });

  it("learns of a new round only from the rules data", () => {
    const current = welfareRules.find(
      (rule): rule is RuleOf<"state_welfare_card"> => rule.benefit === "state_welfare_card",
    )!;
    const withNewRound = parseWelfareRules({
      "state-welfare-card.json": [
        {
          ...current,
          registrationRounds: [
            ...current.registrationRounds,
            { opens: "2027-01-10", closes: "2027-02-10" },
          ],
        },
      ],
    });
    const before = card(APPLICANT, { rules: withNewRound });
    expect(
      before.notes.some(note => note.includes("รอบถัดไป") && note.includes("10 ม.ค. 2570")),
    ).toBe(true);
    const during = card(APPLICANT, { rules: withNewRound, asOf: "2027-01-15" });
    expect(during.notes.some(note => note.startsWith("ขณะนี้เปิดลงทะเบียนอยู่"))).toBe(true);
  });

  it("income of exactly 100,000 qualifies and 100,001 does not", () => {
    expect(card({ ...APPLICANT, annualIncomePerPerson: 100000 }).status).toBe("eligible");
    expect(card({ ...APPLICANT, annualIncomePerPerson: 100001 }).status).toBe("not_eligible");
  });

  it("financial assets of exactly 100,000 qualify and 100,001 do not", () => {
    expect(card({ ...APPLICANT, financialAssets: 100000 }).status).toBe("eligible");
    const over = card({ ...APPLICANT, financialAssets: 100001 });
    expect(over.status).toBe("not_eligible");
    expect(over.reasons.join(" ")).toContain("เกินเกณฑ์ 100,000");
  });

  it("applicants must be 18 or over", () => {
    expect(card({ ...APPLICANT, age: 17 }).status).toBe("not_eligible");
    expect(card({ ...APPLICANT, age: 18 }).status).toBe("eligible");
  });

  it("a non-Thai person is not eligible", () => {
    expect(card({ ...APPLICANT, nationality: "CN" }).status).toBe("not_eligible");
  });

  it("without the assets the answer is unknown and names them", () => {
    const { financialAssets: _, ...profile } = APPLICANT;
    const result = card(profile);
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["financialAssets"]);
  });

  it("someone who already holds the card is told so and asked nothing more", () => {
    const result = card({ hasStateWelfareCard: true });
    expect(result.status).toBe("eligible");
    expect(result.missing).toEqual([]);
  });

  it("warns that the land, housing and credit limits are uncertain", () => {
    expect(card(APPLICANT).notes.join(" ")).toContain("ที่ดิน");
  });
});
