import { dutyShiftRequestSchema, type DutyShift } from "@sa/core";
import type { Translate } from "../../i18n/catalog";
import type { Problem } from "../../forms/problems";

/** Monday first, as Thai calendars and duty tables are; values as the roster stores them. */
export const DAYS = [
  { value: 1, key: "mon" },
  { value: 2, key: "tue" },
  { value: 3, key: "wed" },
  { value: 4, key: "thu" },
  { value: 5, key: "fri" },
  { value: 6, key: "sat" },
  { value: 0, key: "sun" },
] as const;

/** "จ. อ. พ." in week order, or "ทุกวัน" for none or all seven. */
export function daysText(days: readonly number[], t: Translate): string {
  if (days.length === 0 || DAYS.every(day => days.includes(day.value)))
    return t("staff.duty.everyDay");
  return DAYS.filter(day => days.includes(day.value))
    .map(day => t(`staff.duty.day.${day.key}`))
    .join(" ");
}

/** "08:30–16:30 น.", "16:30–08:30 น. (ข้ามคืน)" or "ตลอด 24 ชั่วโมง". */
export function hoursText(shift: { from: string; to: string }, t: Translate): string {
  if (shift.from === shift.to) return t("staff.duty.allDay");
  return t(shift.to < shift.from ? "staff.duty.overnight" : "staff.duty.hours", shift);
}

/** A shift as typed: the selects hold "" for nobody chosen. */
export interface ShiftForm {
  days: number[];
  from: string;
  to: string;
  userId: string;
  backupUserId: string;
}

export const NEW_SHIFT: ShiftForm = { days: [], from: "", to: "", userId: "", backupUserId: "" };

export const toForm = (shift: DutyShift): ShiftForm => ({
  days: [...shift.days],
  from: shift.from,
  to: shift.to,
  userId: shift.userId,
  backupUserId: shift.backupUserId ?? "",
});

/** The ids of the form's fields, by the shift's field they edit. */
export const FIELD_TARGETS = {
  days: "shift-days",
  from: "shift-from",
  to: "shift-to",
  userId: "shift-person",
  backupUserId: "shift-backup",
} as const;
type ShiftField = keyof typeof FIELD_TARGETS;

const isShiftField = (field: unknown): field is ShiftField =>
  typeof field === "string" && Object.hasOwn(FIELD_TARGETS, field);

/** What to say about a field the shared schema (or the server) refused. */
function problemFor(field: ShiftField, sameAsPerson = false): Problem {
  const target = FIELD_TARGETS[field];
  if (field === "from") return { target, key: "staff.duty.errors.from" };
  if (field === "to") return { target, key: "staff.duty.errors.to" };
  if (field === "userId") return { target, key: "staff.duty.errors.person" };
  if (field === "backupUserId" && sameAsPerson)
    return { target, key: "staff.duty.errors.sameBackup" };
  return { target, key: "staff.duty.errors.other" };
}

/** The shift to save, checked by the same schema as the server's, or the mistakes in screen order. */
export function checkShift(form: ShiftForm): { shift?: DutyShift; problems: Problem[] } {
  const parsed = dutyShiftRequestSchema.safeParse({
    ...form,
    days: [...form.days].sort((a, b) => a - b),
    backupUserId: form.backupUserId || null,
  });
  if (parsed.success) return { shift: parsed.data, problems: [] };
  const fields = new Set(
    parsed.error.issues.map(issue => issue.path[0]).filter(field => isShiftField(field)),
  );
  const problems = (Object.keys(FIELD_TARGETS) as ShiftField[])
    .filter(field => fields.has(field))
    .map(field => problemFor(field, form.backupUserId === form.userId));
  // Never refuse without saying why.
  return {
    problems:
      problems.length > 0 ? problems : [{ target: "shift-form", key: "staff.duty.errors.other" }],
  };
}

/**
 * The server's 400 for the roster (`shifts[2].userId`) as problems of the shift being edited;
 * anything about another shift, or no field at all, as one problem for the whole form.
 */
export function serverProblems(
  errors: readonly { field: string; message: string }[] | undefined,
  index: number,
): Problem[] {
  const problems = (errors ?? []).map((error): Problem => {
    const match = /^shifts\[(\d+)\]\.(\w+)/.exec(error.field);
    const field = match?.[2];
    if (!match || Number(match[1]) !== index || !isShiftField(field))
      return { target: "shift-form", key: "staff.duty.errors.other" };
    if (field === "userId" || field === "backupUserId")
      return { target: FIELD_TARGETS[field], key: "staff.duty.errors.notStaff" };
    return problemFor(field);
  });
  return problems.length > 0
    ? problems
    : [{ target: "shift-form", key: "staff.duty.errors.other" }];
}
