const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

/** Thai digits (๐–๙) to ASCII, so "๐๘๑" and "081" mean the same number. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, d => String(THAI_DIGITS.indexOf(d)));
}

/**
 * Cleans text a person typed before we keep it: one Unicode form (Thai vowels and tone marks
 * can arrive composed either way), no control or zero-width characters (copied from other
 * apps, invisible to staff), no trailing blanks. Line breaks and emoji stay.
 */
export function cleanUserText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/\r\n?/g, "\n")
    .trim();
}

/** Cuts long text for display without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}

/**
 * At most `max` UTF-16 code units (what a schema's `.max()` counts), never splitting a
 * surrogate pair: an emoji-heavy text cut by characters could still be too long to store.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? "") ? max - 1 : max;
  return text.slice(0, end);
}
