/** What a citizen can report. Order is the order shown in the chat. */
export const REPORT_CATEGORIES = [
  "children_youth",
  "domestic_violence",
  "elderly",
  "disability",
  "homeless",
  "human_trafficking",
  "women_family",
  "housing",
  "income_poverty",
  "other",
] as const;

export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export function isReportCategory(value: unknown): value is ReportCategory {
  return typeof value === "string" && (REPORT_CATEGORIES as readonly string[]).includes(value);
}
