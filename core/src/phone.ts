import { toAsciiDigits } from "./thai-text";

/**
 * A Thai phone number in its national form, or undefined when it is not one.
 * Mobiles are 10 digits starting 06, 08 or 09; landlines are 9 digits starting 02–07
 * (NBTC numbering plan). "+66 81 234 5678", "081-234-5678" and Thai digits are accepted.
 */
export function parseThaiPhone(input: string): string | undefined {
  let digits = toAsciiDigits(input).replace(/[\s\-().]/g, "");
  if (digits.startsWith("+66")) digits = "0" + digits.slice(3);
  else if (digits.startsWith("66") && digits.length === 11) digits = "0" + digits.slice(2);
  if (/^0[689]\d{8}$/.test(digits)) return digits;
  if (/^0[2-7]\d{7}$/.test(digits)) return digits;
  return undefined;
}

/** 0812345678 → 081-234-5678, 021234567 → 02-123-4567: the way Thai people write numbers. */
export function formatThaiPhone(phone: string): string {
  if (phone.length === 10) return `${phone.slice(0, 3)}-${phone.slice(3, 6)}-${phone.slice(6)}`;
  return `${phone.slice(0, 2)}-${phone.slice(2, 5)}-${phone.slice(5)}`;
}

/** 0812345678 → +66812345678: the international form SMS and voice providers take. */
export function thaiPhoneToE164(phone: string): string | undefined {
  const national = parseThaiPhone(phone);
  return national ? `+66${national.slice(1)}` : undefined;
}
