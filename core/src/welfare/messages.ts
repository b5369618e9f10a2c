import { childFieldOf } from "./ids";
import { parseIsoDate } from "./iso-date";

/**
 * The translate function the caller passes in: an i18next fixed T for the `welfare` namespace
 * does. Interpolated values are already formatted strings, so the instance should not
 * HTML-escape them (`interpolation.escapeValue: false`, right for LINE text anyway).
 */
export type WelfareTranslate = (key: string, vars?: Record<string, string>) => string;

/** A value to interpolate, kept language-free until rendering. */
export type MessageVar = string | number | { date: string } | { list: readonly Message[] };

/** A catalog key and its values: evaluators speak in these so they never need a language. */
export interface Message {
  key: string;
  vars?: Record<string, MessageVar>;
  /** Text staff wrote into a rule version instead of a catalog key; `{{name}}` takes vars. */
  text?: { th: string; en: string };
}

export function message(key: string, vars?: Record<string, MessageVar>): Message {
  return vars ? { key, vars } : { key };
}

/** 1000 → "1,000": grouping is the same in Thai and English, and Arabic digits are the norm. */
export function formatAmount(value: number): string {
  const [whole, fraction] = String(Math.abs(value)).split(".") as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** The day, month and year order and the era (Buddhist in Thai) come from the catalog. */
export function formatIsoDate(t: WelfareTranslate, iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return t("date.format", {
    day: String(day),
    month: t(`date.month.${month}`),
    year: String(year),
    yearBE: String(year + 543),
  });
}

function renderVar(t: WelfareTranslate, value: MessageVar): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatAmount(value);
  if ("date" in value) return formatIsoDate(t, value.date);
  return value.list.map(item => renderMessage(t, item)).join(t("listSeparator"));
}

export function renderMessage(t: WelfareTranslate, msg: Message): string {
  if (!msg.vars && !msg.text) return t(msg.key);
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(msg.vars ?? {})) vars[name] = renderVar(t, value);
  if (!msg.text) return t(msg.key, vars);
  // The catalog says which language `t` speaks, so inline text follows the reader's language.
  const text = t("language") === "en" ? msg.text.en : msg.text.th;
  return text.replace(
    /\{\{\s*\$?(\w+)\s*\}\}/g,
    (whole, name: string) => vars[`$${name}`] ?? whole,
  );
}

/** How a profile field is named to the user ("age", "nationality of child 2"). */
export function fieldMessage(field: string): Message {
  const child = childFieldOf(field);
  if (!child) return message(`field.${field}`);
  const key = child.fact === "nationality" ? "field.childNationality" : "field.childCareHome";
  return message(key, { index: child.index + 1 });
}

/** A list of profile fields as one interpolated value ("age, nationality"). */
export function fieldList(fields: readonly string[]): MessageVar {
  return { list: fields.map(fieldMessage) };
}
