import type { Language } from "./i18n";
import { builtOnce } from "./intl-once";
import { toAsciiDigits } from "./thai-text";

export const THAI_TIME_ZONE = "Asia/Bangkok";

/**
 * A date and time as people in Thailand read it: Buddhist era in Thai ("25 พ.ย. 2569 14:05"),
 * Gregorian in English. Always in Bangkok time, whatever the server's zone.
 */
export function formatDateTime(iso: string, language: Language): string {
  return dateTimeFormat(readingLocale(language)).format(new Date(iso));
}

/** Buddhist era in Thai, as Thai people read dates; day-month-year in English. */
export const readingLocale = (language: Language): string =>
  language === "th" ? "th-TH-u-ca-buddhist" : "en-GB";

const dateTimeFormat = builtOnce(
  locale =>
    new Intl.DateTimeFormat(locale, {
      timeZone: THAI_TIME_ZONE,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }),
);

/** The calendar date in Bangkok, as YYYY-MM-DD (Gregorian), for ids and "today" defaults. */
export function bangkokDate(at: Date): string {
  return bangkokDay("en-CA").format(at);
}

const bangkokDay = builtOnce(
  locale => new Intl.DateTimeFormat(locale, { timeZone: THAI_TIME_ZONE }),
);

/**
 * A date as people type it — "1/3/2565" (Buddhist era, as on Thai documents), "1/3/2022",
 * "2022-03-01", Thai digits too — as YYYY-MM-DD, or undefined when it is no real date.
 * A year above 2400 is read as Buddhist era (BE = CE + 543).
 */
export function parseTypedDate(text: string): string | undefined {
  const ascii = toAsciiDigits(text.trim());
  let day: number, month: number, year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(ascii);
  const dmy = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(ascii);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else return undefined;
  if (year > 2400) year -= 543;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/** "1 มี.ค. 2565" / "1 Mar 2022": a calendar date (no time) for people to read. */
export function formatDate(isoDate: string, language: Language): string {
  return dateFormat(readingLocale(language)).format(new Date(`${isoDate}T00:00:00Z`));
}

const dateFormat = builtOnce(
  locale =>
    new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      day: "numeric",
      month: "short",
      year: "numeric",
    }),
);
