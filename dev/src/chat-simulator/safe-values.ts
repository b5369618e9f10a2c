import type { Action } from "./types";

/**
 * Values from bot messages reach the page only through these checks: URLs the page may load,
 * colours and lengths it may put in a style. Text always goes in as text, never as HTML.
 */
export function safeUrl(url: unknown): string {
  return typeof url === "string" && /^(https?:|data:image\/|\/sim\/)/i.test(url) ? url : "";
}

export function safeColor(color: unknown): string {
  return typeof color === "string" && /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : "";
}

/** A LINE length (a keyword from `table`, "12px", "50%" or a number) as CSS, or "". */
export function length(value: unknown, table?: Readonly<Record<string, number>>): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return `${value}px`;
  if (typeof value !== "string") return "";
  if (table && Object.hasOwn(table, value)) return `${table[value]}px`;
  return /^-?\d+(\.\d+)?(px|%)$/.test(value) ? value : "";
}

/** The words LINE shows on a button for an action. */
export function actionLabel(action: Action | undefined): string {
  if (!action) return "";
  const a = action as Action & Partial<Record<"displayText" | "text" | "data" | "uri", string>>;
  return a.label || a.displayText || a.text || a.data || a.uri || a.type || "";
}

export const STICKER_FACES: Readonly<Record<string, string>> = {
  "1988": "😀",
  "1989": "👍",
  "1990": "😢",
  "1991": "🙏",
  "2": "😊",
  "13": "🥰",
};
