import { toAsciiDigits } from "@sa/core";

/**
 * A number as people type it: Thai digits, "1,500", spaces. Empty is undefined (not answered);
 * anything else that is not a number is NaN, which the shared schema then refuses.
 */
export function parseTypedNumber(text: string): number | undefined {
  const cleaned = toAsciiDigits(text).replace(/[,\s]/g, "");
  if (cleaned === "") return undefined;
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}
