import {
  cleanUserText,
  HARDSHIPS,
  parseAgeAnswer,
  toAsciiDigits,
  type WelfareRuleSet,
} from "@sa/core";
import { answerForms, typedAnswer } from "../flows/answers";
import type { WelfareSession } from "../session";
import { moneyCeilings } from "./money";
import { MAX_AGE, SITUATION_FIELDS, type SituationField } from "./topics";

type Profile = WelfareSession["profile"];

/** Young children one person may list in the chat (the form takes more). */
export const MAX_CHAT_CHILDREN = 10;

/** The answer that is true for most people, which "ไม่มีเลย" gives to every item of the list. */
function usual(field: SituationField): Partial<Profile> {
  return field === "nationality" ? { nationality: "TH" } : { [field]: false };
}
/** The answer an item of the list means when tapped. "ZZ" is ISO's code for "unknown". */
function unusual(field: SituationField): Partial<Profile> {
  return field === "nationality" ? { nationality: "ZZ" } : { [field]: true };
}

/** Polite endings around a typed age ("อายุ 72 ค่ะ"). */
const POLITE = /(ค่ะ|คะ|ครับ|คับ|จ้ะ|จ้า|จ้ะ|นะ|ฮะ|เลย|[.!?\s])+$/u;

/** "Don't know" is the welfare questions' own third answer; yes and no are the shared parser's. */
const UNKNOWN = ["ไม่ทราบ", "ไม่รู้", "ไม่แน่ใจ", "ไม่รู้สิ", "dontknow", "notsure"];

/** A typed answer to a button question: "yes", "no", "unknown" or undefined. */
export function typedChoice(text: string | undefined): "yes" | "no" | "unknown" | undefined {
  if (text === undefined) return undefined;
  if (answerForms(text).some(form => UNKNOWN.includes(form))) return "unknown";
  const answer = typedAnswer(text);
  return answer === "yes" || answer === "no" ? answer : undefined;
}

/** "12,000", "๑๒๐๐๐", "12000 บาท" → 12000. */
export function parseAmount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const digits = toAsciiDigits(text).replace(/[,\s]|บาท|baht|ต่อปี|ปี|years?/gi, "");
  return /^\d{1,11}$/.test(digits) ? Number(digits) : undefined;
}

/** The list question: one item tapped, or "none" for every item still shown. */
export function situationAnswer(
  profile: Profile,
  shown: readonly string[],
  value: string,
): Profile | undefined {
  const fields = SITUATION_FIELDS.filter(field => shown.includes(field));
  if (value === "none") {
    const rest = fields.filter(field => profile[field] === undefined);
    return Object.assign({}, profile, ...rest.map(usual)) as Profile;
  }
  const tapped = fields.find(field => field === value);
  return tapped ? ({ ...profile, ...unusual(tapped) } as Profile) : undefined;
}

/** An age band button ("60-69"), or a typed age, birth date or Buddhist-era birth year. */
export function ageAnswer(profile: Profile, said: string, today: string): Profile | undefined {
  const band = /^(\d{1,3})-(\d{1,3})$/.exec(said);
  const given = band
    ? Number(band[1]) <= MAX_AGE
      ? { age: Number(band[1]) }
      : undefined
    : parseAgeAnswer(cleanUserText(said).replace(POLITE, ""), today);
  if (!given) return undefined;
  // One way of giving the age replaces any other given before.
  const { age: _a, birthDate: _d, birthYearBE: _y, ...rest } = profile;
  return { ...rest, ...given };
}

/**
 * A child's birth date from the picker or typed; the question asks about Thai children. Where
 * the child lives is known only if the list said no child is in a care home (`noneInCareHome`).
 */
export function withChild(profile: Profile, birthDate: string, noneInCareHome: boolean): Profile {
  const child = { birthDate, nationality: "TH", ...(noneInCareHome && { livesInCareHome: false }) };
  return { ...profile, children: [...(profile.children ?? []), child] };
}

/** "ไม่มีเลย" on the list, said before or after the children were named: none is in a home. */
export function noChildInCareHome(profile: Profile): Profile {
  if (!profile.children) return profile;
  return {
    ...profile,
    children: profile.children.map(child => ({
      ...child,
      livesInCareHome: child.livesInCareHome ?? false,
    })),
  };
}

/** The answer to "does child `index` live in a care home" (อยู่ / ไม่อยู่). */
export function childCareHomeAnswer(profile: Profile, index: number, inHome: boolean): Profile {
  const children = (profile.children ?? []).map((child, i) =>
    i === index ? { ...child, livesInCareHome: inHome } : child,
  );
  return { ...profile, children };
}

/** The money buttons store the ceiling itself or one baht over it (see moneyCeilings). */
export function moneyAnswer(
  profile: Profile,
  step: string,
  value: string | undefined,
  text: string | undefined,
  asOf: string,
  rules?: WelfareRuleSet,
): Profile | undefined {
  const { income, assets } = moneyCeilings(asOf, rules);
  const within = (ceiling: number, over: boolean) => (over ? ceiling + 1 : ceiling);
  if (step === "money") {
    const choices: Record<string, [boolean, boolean | undefined]> = {
      within: [false, false],
      incomeOver: [true, undefined],
      savingsOver: [false, true],
      bothOver: [true, true],
    };
    const choice = value === undefined ? undefined : choices[value];
    if (!choice) return undefined;
    const [incomeOver, assetsOver] = choice;
    return {
      ...profile,
      annualIncomePerPerson: within(income, incomeOver),
      ...(assetsOver !== undefined && { financialAssets: within(assets, assetsOver) }),
    };
  }
  const field = step as "annualIncomePerPerson" | "financialAssets";
  const ceiling = field === "financialAssets" ? assets : income;
  const amount =
    value === "within" || value === "over"
      ? within(ceiling, value === "over")
      : parseAmount(text ?? value);
  return amount === undefined ? undefined : { ...profile, [field]: amount };
}

/** One hardship tapped; "ไม่มีผู้อุปการะ" already says the person has nobody to support them. */
export function hardshipAnswer(profile: Profile, value: string): Profile | undefined {
  if (value === "none") return { ...profile, hardships: [] };
  const hardship = HARDSHIPS.find(h => h === value);
  if (!hardship) return undefined;
  return {
    ...profile,
    hardships: [hardship],
    ...(hardship === "without_support" && { poorOrWithoutSupport: true }),
  };
}
