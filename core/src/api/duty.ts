import * as z from "zod/mini";
import { described } from "../described";
import { dutyShiftSchema } from "../duty-roster";

/**
 * The duty roster as staff maintain it from the LIFF app (`GET` / `PUT /staff/duty`): a
 * province's for its staff, `national` for the 1300 centre.
 */

/** `?province=50` or `?province=national`: admins only; staff always get their own roster. */
export const dutyRosterQuerySchema = z.strictObject({
  province: described(
    "A 2-digit province code or national; admins only",
    z.optional(z.union([z.string().check(z.regex(/^\d{2}$/)), z.literal("national")])),
  ),
});

/** One shift as sent: the roster's shift, and a backup who is not the person on duty. */
export const dutyShiftRequestSchema = z.strictObject(dutyShiftSchema.shape).check(
  z.refine(shift => shift.backupUserId !== shift.userId, {
    path: ["backupUserId"],
    message: "The backup must be someone other than the person on duty",
  }),
);

/** `PUT /staff/duty`: the whole roster, replacing the stored one. */
export const saveDutyRosterSchema = z.strictObject({
  shifts: z.array(dutyShiftRequestSchema).check(z.maxLength(50)),
});
export type SaveDutyRosterRequest = z.input<typeof saveDutyRosterSchema>;

/** A staff member who may be put on the roster (or is on duty now). */
export const dutyPersonSchema = z.object({ userId: z.string(), name: z.string() });
export type DutyPerson = z.infer<typeof dutyPersonSchema>;

export const dutyShiftViewSchema = z.extend(dutyShiftSchema, {
  name: z.string(),
  backupName: z.nullable(z.string()),
});
export type DutyShiftView = z.infer<typeof dutyShiftViewSchema>;

/** The answer of both `GET` and `PUT /staff/duty`. */
export const dutyRosterViewSchema = z.object({
  /** A province code, or `national` (the 1300 centre). */
  rosterId: z.string(),
  shifts: z.array(dutyShiftViewSchema),
  /** Who may be put on this roster: the approved staff of its province, by name. */
  staff: z.array(dutyPersonSchema),
  /** `onDuty(roster, now)` with names: who an urgent report would reach now. */
  onDutyNow: z.object({
    primary: z.array(dutyPersonSchema),
    backup: z.array(dutyPersonSchema),
  }),
});
export type DutyRosterView = z.infer<typeof dutyRosterViewSchema>;
