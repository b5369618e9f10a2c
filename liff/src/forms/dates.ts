import { bangkokDate } from "@sa/core";

/** Today as Thai people write it on forms: day/month/Buddhist-era year. */
export function todayTyped(language: "th" | "en", now = new Date()): string {
  const [year, month, day] = bangkokDate(now).split("-").map(Number) as [number, number, number];
  return `${day}/${month}/${language === "th" ? year + 543 : year}`;
}
