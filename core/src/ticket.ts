import { bangkokDate } from "./dates";

// Crockford base32 without I, L, O, U: nothing to misread when a ticket is read over the phone.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A short ticket code such as "691125-7K3QF": Buddhist-era year, month and day in Bangkok, then
 * five random characters. Random rather than sequential so that no single counter document is
 * written by every report in a surge (Firestore sustains about one write a second per document);
 * 32^5 codes a day make a clash rare, and the report is created with `create()`, which refuses
 * to overwrite an existing ticket.
 */
export function newTicketCode(now: Date, random: () => number = Math.random): string {
  const [year, month, day] = bangkokDate(now).split("-");
  const be = String(Number(year) + 543).slice(-2);
  let suffix = "";
  for (let i = 0; i < 5; i++) suffix += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `${be}${month}${day}-${suffix}`;
}
