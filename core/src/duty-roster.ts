import * as z from "zod/mini";

/**
 * Who is on duty for urgent alerts: `duty/{provinceCode}` for a province's One Home team and
 * `duty/national` for the 1300 centre. Urgent alerts go to the people on duty, not to
 * everyone; the 1300 centre is the 24-hour fallback when nobody is (see escalation-ladder).
 */

const clock = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Expected a time as HH:MM (24-hour, Thailand time)"));

export const dutyShiftSchema = z.object({
  /** 0 = Sunday … 6 = Saturday; none listed means every day. */
  days: z._default(z.array(z.int().check(z.minimum(0), z.maximum(6))).check(z.maxLength(7)), []),
  /** Thailand time. `to` at or before `from` runs past midnight ("16:30"–"08:30"). */
  from: clock,
  to: clock,
  userId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Told when the person on duty has not taken an urgent case within minutes. */
  backupUserId: z._default(z.nullable(z.string().check(z.minLength(1), z.maxLength(64))), null),
});
export type DutyShift = z.infer<typeof dutyShiftSchema>;

export const dutyRosterSchema = z.object({
  shifts: z._default(z.array(dutyShiftSchema).check(z.maxLength(50)), []),
});
export type DutyRoster = z.infer<typeof dutyRosterSchema>;

/** Thailand has one zone and no daylight saving: UTC+7 all year. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60_000;

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

/** Whether a shift covers the moment `at` (an overnight shift belongs to the day it starts). */
export function shiftCovers(shift: DutyShift, at: Date): boolean {
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const today = local.getUTCDay();
  const yesterday = (today + 6) % 7;
  const onDay = (day: number) => shift.days.length === 0 || shift.days.includes(day);
  const from = minutesOf(shift.from);
  const to = minutesOf(shift.to);
  if (from < to) return onDay(today) && minute >= from && minute < to;
  // Overnight (or all day when from === to): the evening part today, the morning part from
  // a shift that started yesterday.
  return (onDay(today) && minute >= from) || (onDay(yesterday) && minute < to);
}

/** The people on duty at `at`, and their backups, each once, in roster order. */
export function onDuty(roster: DutyRoster, at: Date): { primary: string[]; backup: string[] } {
  const active = roster.shifts.filter(shift => shiftCovers(shift, at));
  const primary = unique(active.map(shift => shift.userId));
  const backup = unique(active.flatMap(shift => (shift.backupUserId ? [shift.backupUserId] : [])));
  return { primary, backup: backup.filter(id => !primary.includes(id)) };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
