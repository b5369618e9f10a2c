import {
  dutyRosterQuerySchema,
  onDuty,
  saveDutyRosterSchema,
  type DutyPerson,
  type DutyRoster,
  type DutyRosterView,
} from "@sa/core";
import express from "express";
import type { Firestore } from "firebase-admin/firestore";
import { rosterToEdit } from "../duty/roster-access";
import { recordAudit } from "../repositories/audit";
import { listRosterStaff, readRoster, saveRoster } from "../repositories/duty-rosters";
import { readAccount, type Account } from "../repositories/users";
import { callerOf } from "./authenticate";
import { HttpError, invalidBody } from "./http-error";
import { requireStaff } from "./staff-routes";

export interface DutyRouteDeps {
  db: Firestore;
  now: () => Date;
}

/** The roster of `?province=` (admins) or of the caller's own province; 403 otherwise. */
function rosterIdOf(account: Account, query: unknown): string {
  requireStaff(account);
  const parsed = dutyRosterQuerySchema.safeParse(query);
  if (!parsed.success) throw invalidBody(parsed.error.issues, "Invalid roster");
  const id = rosterToEdit(account, parsed.data.province);
  if (!id) throw new HttpError(403, "Only admins may open another province's roster");
  return id;
}

/** Staff keep their province's duty roster: who is told of urgent reports, and when. */
export function dutyRoutes(deps: () => Promise<DutyRouteDeps>) {
  const routes = express.Router();

  routes.get("/staff/duty", async (req, res) => {
    const { account } = callerOf(req);
    const id = rosterIdOf(account, req.query);
    const { db, now } = await deps();
    const [roster, staff] = await Promise.all([readRoster(db, id), listRosterStaff(db, id)]);
    res.json(await rosterView(db, id, roster, staff, now()));
  });

  routes.put("/staff/duty", async (req, res) => {
    const { account } = callerOf(req);
    const id = rosterIdOf(account, req.query);
    const body = saveDutyRosterSchema.safeParse(req.body ?? {});
    if (!body.success) throw invalidBody(body.error.issues, "Invalid roster");
    const { db, now } = await deps();
    const staff = await listRosterStaff(db, id);
    const allowed = new Set(staff.map(person => person.userId));
    const errors = body.data.shifts.flatMap((shift, i) =>
      (["userId", "backupUserId"] as const)
        .filter(field => shift[field] !== null && !allowed.has(shift[field]))
        .map(field => ({
          field: `shifts[${i}].${field}`,
          message: "Not an approved staff member of this roster's province",
        })),
    );
    if (errors.length > 0) throw new HttpError(400, "Invalid roster", errors);
    const roster: DutyRoster = {
      shifts: body.data.shifts.map(shift => ({
        ...shift,
        days: [...new Set(shift.days)].sort((a, b) => a - b),
      })),
    };
    await saveRoster(db, id, roster, account.userId);
    await recordAudit(db, {
      actor: account.userId,
      role: account.role,
      action: "edit_duty_roster",
      target: `duty/${id}`,
      detail: `${roster.shifts.length} shifts`,
    });
    res.json(await rosterView(db, id, roster, staff, now()));
  });

  return routes;
}

/** The roster with names, and who is on duty at `at`. */
async function rosterView(
  db: Firestore,
  rosterId: string,
  roster: DutyRoster,
  staff: Account[],
  at: Date,
): Promise<DutyRosterView> {
  const names = new Map(staff.map(person => [person.userId, person.name ?? ""]));
  // Someone on the roster who has since left the province's staff keeps their name on screen.
  const others = roster.shifts
    .flatMap(shift => [shift.userId, shift.backupUserId ?? []].flat())
    .filter(userId => !names.has(userId));
  for (const userId of new Set(others))
    names.set(userId, (await readAccount(db, userId)).name ?? "");
  const person = (userId: string): DutyPerson => ({ userId, name: names.get(userId) ?? "" });
  const now = onDuty(roster, at);
  return {
    rosterId,
    shifts: roster.shifts.map(shift => ({
      ...shift,
      name: names.get(shift.userId) ?? "",
      backupName: shift.backupUserId === null ? null : (names.get(shift.backupUserId) ?? ""),
    })),
    staff: staff.map(account => person(account.userId)),
    onDutyNow: { primary: now.primary.map(person), backup: now.backup.map(person) },
  };
}
