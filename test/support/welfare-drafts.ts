import type { WelfareRuleInput } from "../../core/src/welfare";

/**
 * The example of a change staff make without a developer: the old-age allowance gains
 * an income test from 1 Oct 2027 (a made-up ceiling of 100,000 baht a person a year), written
 * as data with its own Thai and English text and examples. Built from the version in force.
 */
export function oldAgeIncomeTest(current: WelfareRuleInput) {
  return {
    ...current,
    effective: "2027-10-01",
    source: {
      title: "ประกาศทดสอบ: เกณฑ์รายได้เบี้ยยังชีพผู้สูงอายุ",
      url: "https://example.org/income-test",
    },
    criteria: [
      {
        field: "annualIncomePerPerson",
        test: "atMost",
        value: 100_000,
        fail: {
          th: "รายได้เฉลี่ย {{value}} บาทต่อคนต่อปี เกินเกณฑ์ {{limit}} บาท",
          en: "An income of {{value}} baht a person a year is over {{limit}} baht",
        },
      },
      ...(current.criteria ?? []),
    ],
    examples: [
      {
        name: "อายุ 70 รายได้ 20,000 บาทต่อปี",
        profile: { ...PROFILE, annualIncomePerPerson: 20_000 },
        expect: { status: "eligible", monthlyAmount: 700 },
      },
      {
        name: "อายุ 70 รายได้ 150,000 บาทต่อปี",
        profile: { ...PROFILE, annualIncomePerPerson: 150_000 },
        expect: { status: "not_eligible" },
      },
    ],
    comment: "Test version: an income test as staff would add it.",
  } satisfies WelfareRuleInput;
}

const PROFILE = {
  nationality: "TH",
  age: 70,
  receivesGovernmentPension: false,
  livesInStateCareHome: false,
};
