import { parseTypedDate } from "../dates";
import { toAsciiDigits } from "../thai-text";

/** How someone gave their age: the profile fields it sets. */
export type AgeAnswer = { age: number } | { birthDate: string } | { birthYearBE: number };

/**
 * An age as people answer it: "65", "65 ปี", a birth date ("1/3/2504", Buddhist era or not),
 * or a birth year ("2504", "พ.ศ. 2504", "1961"). Undefined when it is none of these, or a
 * birth date after `today`.
 */
export function parseAgeAnswer(text: string, today: string): AgeAnswer | undefined {
  const date = parseTypedDate(text);
  if (date) return date <= today ? { birthDate: date } : undefined;
  const cleaned = toAsciiDigits(text)
    .replace(/พ\.?\s*ศ\.?|b\.?\s*e\.?|ค\.?\s*ศ\.?|c\.?\s*e\.?|ปี|years?(\s+old)?|[,\s]/gi, "")
    .trim();
  if (!/^\d{1,4}$/.test(cleaned)) return undefined;
  const number = Number(cleaned);
  const thisYearCE = Number(today.slice(0, 4));
  if (number <= 130) return { age: number };
  if (number >= 2400 && number <= thisYearCE + 543) return { birthYearBE: number };
  if (number >= 1880 && number <= thisYearCE) return { birthYearBE: number + 543 };
  return undefined;
}
