/** What a citizen can report. Order is the order shown in the chat. */
export const CASE_CATEGORIES = [
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

export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export function isCaseCategory(value: unknown): value is CaseCategory {
  return typeof value === "string" && (CASE_CATEGORIES as readonly string[]).includes(value);
}
