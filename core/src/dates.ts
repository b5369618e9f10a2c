import type { Language } from "./i18n";

export const THAI_TIME_ZONE = "Asia/Bangkok";

/**
 * A date and time as people in Thailand read it: Buddhist era in Thai ("25 พ.ย. 2569 14:05"),
 * Gregorian in English. Always in Bangkok time, whatever the server's zone.
 */
export function formatDateTime(iso: string, language: Language): string {
  const locale = language === "th" ? "th-TH-u-ca-buddhist" : "en-GB";
  return new Intl.DateTimeFormat(locale, {
    timeZone: THAI_TIME_ZONE,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** The calendar date in Bangkok, as YYYY-MM-DD (Gregorian), for ids and "today" defaults. */
export function bangkokDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: THAI_TIME_ZONE }).format(at);
}
