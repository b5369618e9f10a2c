import { bangkokDate } from "./dates";

/** Random digits after the date: 100,000 codes a day. */
const RANDOM_DIGITS = 5;

/**
 * A ticket code such as "691201-48213": Buddhist-era year, month and day in Bangkok, then five
 * random digits. Digits only, so it can be read out over the phone (and typed on any keypad)
 * without spelling letters. Random rather than sequential so that no single counter document is
 * written by every report in a surge (Firestore sustains about one write a second per document;
 * `npm run bench:tickets`); the webhook checks a new code is unused in the transaction that
 * creates the report and draws again on a clash, and `create()` refuses to overwrite anyway.
 * Older codes with letters ("691125-7K3QF") stay valid: every route takes [0-9A-Za-z-].
 */
export function newTicketCode(now: Date, random: () => number = Math.random): string {
  const [year, month, day] = bangkokDate(now).split("-");
  const be = String(Number(year) + 543).slice(-2);
  let suffix = "";
  for (let i = 0; i < RANDOM_DIGITS; i++) suffix += String(Math.floor(random() * 10) % 10);
  return `${be}${month}${day}-${suffix}`;
}
