import { describe, expect, it } from "vitest";
import en from "../../../core/src/locales/en/welfare.json";
import th from "../../../core/src/locales/th/welfare.json";
import { welfareRules, type EligibilityProfile } from "../../../core/src/welfare";
import { THAI_ADULT, assess, missingKeys, resultFor, welfareTranslator } from "./translate";

function flatKeys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? flatKeys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** Profiles that between them reach every branch that produces text. */
const PROFILES: EligibilityProfile[] = [
  {},
  { nationality: "US", age: 70, hasDisabilityCard: true, children: [{ birthDate: "2023-01-01" }] },
  { ...THAI_ADULT, age: 59, hasDisabilityCard: false, hardships: [], hivCertified: false },
  { ...THAI_ADULT, age: 64, hasDisabilityCard: true, children: [] },
  { ...THAI_ADULT, age: 95, hasDisabilityCard: true, hasStateWelfareCard: true },
  { ...THAI_ADULT, age: 12, hasDisabilityCard: true, receivesGovernmentPension: true },
  {
    ...THAI_ADULT,
    age: 17,
    livesInStateCareHome: true,
    annualIncomePerPerson: 150000,
    financialAssets: 500000,
    children: [
      { birthDate: "2015-09-30", nationality: "TH" },
      { birthDate: "2023-05-05", nationality: "LA" },
      { birthDate: "2030-01-01", nationality: "TH" },
      { birthDate: "2024-01-01" },
    ],
  },
  {
    ...THAI_ADULT,
    age: 30,
    annualIncomePerPerson: 20000,
    financialAssets: 0,
    children: [{ birthDate: "2024-01-01", nationality: "TH" }],
    hardships: ["head_of_family_died", "head_of_family_imprisoned", "without_support"],
    hivCertified: true,
  },
];

describe("texts", () => {
  it("both catalogs have the same keys", () => {
    expect(flatKeys(en).sort()).toEqual(flatKeys(th).sort());
  });

  it("every catalog key a rule refers to exists", () => {
    const keys = new Set(flatKeys(th));
    for (const rule of welfareRules) {
      const referred = [
        ...rule.documents,
        rule.applyAt,
        ...rule.notes.map(note => note.key),
        ...rule.uncertain.map(note => note.key),
      ];
      for (const key of referred) expect(keys.has(key), `${rule.benefit}: ${key}`).toBe(true);
    }
  });

  it("no answer, in either language, uses a key missing from the catalogs", () => {
    for (const language of ["th", "en"] as const) {
      for (const asOf of ["2026-11-25", "2022-10-01", "2015-06-01"]) {
        for (const profile of PROFILES) assess(profile, { language, asOf });
      }
    }
    expect(missingKeys).toEqual([]);
  });

  it("answers in plain English when given an English translator", () => {
    const result = resultFor("old_age_allowance", { ...THAI_ADULT, age: 72 }, { language: "en" });
    expect(result.title).toBe("Old-age allowance");
    expect(result.reasons).toEqual(["In the 70–79 age band: 700 baht a month."]);
    expect(result.documents).toContain("National ID card");
    expect(result.notes.join(" ")).toContain("12 Aug 2023");
  });

  it("gives English dates in the Gregorian year and Thai dates in the Buddhist year", () => {
    const profile = { nationality: "TH", age: 30, annualIncomePerPerson: 0, financialAssets: 0 };
    const english = resultFor("state_welfare_card", profile, { language: "en" });
    expect(english.notes.join(" ")).toContain("from 5 Sep 2022 to 31 Oct 2022");
    const thai = resultFor("state_welfare_card", profile);
    expect(thai.notes.join(" ")).toContain("5 ก.ย. 2565 ถึง 31 ต.ค. 2565");
  });

  it("names missing fields in the user's language", () => {
    expect(resultFor("old_age_allowance", THAI_ADULT, { language: "en" }).reasons).toEqual([
      "Not decided yet: we still need age.",
    ]);
    expect(resultFor("old_age_allowance", THAI_ADULT).reasons).toEqual([
      "ยังพิจารณาไม่ได้ ต้องทราบข้อมูลเพิ่มเติม ได้แก่ อายุ",
    ]);
  });

  it("writes each child's line in English too", () => {
    const result = resultFor(
      "child_support_grant",
      {
        annualIncomePerPerson: 1000,
        children: [{ birthDate: "2022-03-01", nationality: "TH", livesInCareHome: false }],
      },
      { language: "en" },
    );
    expect(result.reasons).toEqual([
      "Child 1 (born 1 Mar 2022): eligible, 600 baht a month until turning 6 on 1 Mar 2028",
    ]);
  });

  it("the translator from i18next fits the engine's translate type", () => {
    expect(welfareTranslator("en")("benefit.hiv_allowance")).toBe(
      "Allowance for people living with HIV",
    );
  });
});
