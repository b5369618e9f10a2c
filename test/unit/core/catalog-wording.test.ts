import { describe, expect, it } from "vitest";
import thBot from "../../../core/src/locales/th/bot.json";
import thCasework from "../../../core/src/locales/th/casework.json";
import thEligibility from "../../../core/src/locales/th/eligibility.json";
import thLiff from "../../../core/src/locales/th/liff.json";
import thOffice from "../../../core/src/locales/th/office.json";
import thSimulator from "../../../core/src/locales/th/simulator.json";
import thWelfare from "../../../core/src/locales/th/welfare.json";

type Catalog = { [key: string]: string | Catalog };

/** Every string of a catalog with its dotted key. */
function entries(catalog: Catalog, prefix = ""): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : entries(value, `${prefix}${key}.`),
  );
}

const CATALOGS: Record<string, Catalog> = {
  bot: thBot,
  casework: thCasework,
  eligibility: thEligibility,
  liff: thLiff,
  office: thOffice,
  simulator: thSimulator,
  welfare: thWelfare,
};
const ALL = Object.entries(CATALOGS).flatMap(([name, catalog]) =>
  entries(catalog).map(([key, text]) => [`${name}:${key}`, text] as const),
);

/**
 * Characters as a reader counts them: Thai vowel and tone marks sit above or below a letter and
 * take no width of their own.
 */
function thaiLength(text: string): number {
  return Array.from(text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, "")).length;
}

/** Names people hear wrongly or that hurt, and the official name to use instead. */
const WRONG_NAMES: [RegExp, string][] = [
  [/บัตรคนจน/, "บัตรสวัสดิการแห่งรัฐ"],
  [/เบี้ย(คน|ผู้)?พิการ/, "เบี้ยความพิการ"],
  [/เบี้ยคนชรา|เบี้ยคนแก่/, "เบี้ยยังชีพผู้สูงอายุ"],
  [/เงินอุดหนุนเด็ก/, "เงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด"],
  [/อาสาสมัครพัฒนาสังคม(?!และความมั่นคงของมนุษย์)/, "อาสาสมัครพัฒนาสังคมและความมั่นคงของมนุษย์"],
];

/** Quick-reply labels LINE cuts at 20 characters: a short name there is not a wrong name. */
const BUTTON_LABELS = /^bot:welfareChat\.interest\./;

describe("the Thai catalogs", () => {
  it.each(WRONG_NAMES)("should never say %s (the official name is %s)", (wrong, official) => {
    const found = ALL.filter(([key, text]) => !BUTTON_LABELS.test(key) && wrong.test(text));
    expect(
      found.map(([key]) => key),
      `use "${official}"`,
    ).toEqual([]);
  });

  it("should keep the welcome, consent and welfare result messages short enough to read", () => {
    const short = [
      "bot:welcome",
      "bot:report.summaryConsent",
      "bot:welfareChat.askInterest",
      "bot:welfareChat.done",
      "bot:welfareChat.summary.eligible",
      "bot:welfareChat.summary.none",
      "bot:welfareChat.summary.unknown",
    ];
    const texts = new Map<string, string>(ALL);
    const long = short
      .map(key => [key, thaiLength(texts.get(key) ?? "")] as const)
      .filter(([, length]) => length === 0 || length > 150);
    expect(long).toEqual([]);
  });

  it("should answer ไหม questions with the verb of the question, not ใช่/ไม่ใช่", () => {
    const answers = entries(thBot.welfareChat.answer as Catalog);
    expect(answers.length).toBeGreaterThan(5);
    for (const [, text] of answers) expect(text).not.toMatch(/^(ใช่|ไม่ใช่)$/);
  });
});
