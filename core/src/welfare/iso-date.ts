// Plain YYYY-MM-DD calendar dates: no time zone, no date library. Such strings sort and compare
// correctly as text, which the rules lookup relies on.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function parseIsoDate(value: string): CalendarDate {
  if (!isIsoDate(value)) throw new RangeError(`Not an ISO calendar date: ${value}`);
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

/** Full years from `birthDate` to `on`: the age on that date (negative before birth). */
export function fullYearsOn(birthDate: string, on: string): number {
  const birth = parseIsoDate(birthDate);
  const at = parseIsoDate(on);
  const beforeBirthday = at.month < birth.month || (at.month === birth.month && at.day < birth.day);
  return at.year - birth.year - (beforeBirthday ? 1 : 0);
}

/**
 * The date someone born on `birthDate` turns `years` old. A 29 February birthday falls on
 * 1 March in common years, the same day `fullYearsOn` starts counting the new year of age.
 */
export function birthdayAt(birthDate: string, years: number): string {
  const birth = parseIsoDate(birthDate);
  const date = new Date(Date.UTC(birth.year + years, birth.month - 1, birth.day));
  return date.toISOString().slice(0, 10);
}
