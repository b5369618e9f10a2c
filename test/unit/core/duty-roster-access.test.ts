import { describe, expect, it } from "vitest";
import { saveDutyRosterSchema } from "@sa/core";
import { rosterToEdit } from "../../../functions/src/duty/roster-access";
import type { Account } from "../../../functions/src/repositories/users";

const account = (overrides: Partial<Account>): Account => ({
  userId: "U1",
  role: "staff",
  registration: "approved",
  name: "เจ้าหน้าที่",
  phone: null,
  volunteerNumber: null,
  area: { provinceCode: "50", province: "เชียงใหม่" },
  scope: { kind: "province", provinceCode: "50" },
  language: "th",
  ...overrides,
});

describe("which duty roster an account maintains", () => {
  it("should give staff of a province that province's roster, and no other", () => {
    expect(rosterToEdit(account({}))).toBe("50");
    expect(rosterToEdit(account({}), "50")).toBe("50");
    expect(rosterToEdit(account({}), "10")).toBeUndefined();
    expect(rosterToEdit(account({}), "national")).toBeUndefined();
  });

  it("should give staff whose scope is national (the 1300 centre) the national roster", () => {
    const centre = account({ area: null, scope: { kind: "national" } });
    expect(rosterToEdit(centre)).toBe("national");
    expect(rosterToEdit(centre, "50")).toBeUndefined();
  });

  it("should give staff with no scope, or an unreadable one, no roster at all", () => {
    expect(rosterToEdit(account({ area: null, scope: null }))).toBeUndefined();
    expect(rosterToEdit(account({ scope: null }))).toBeUndefined();
  });

  it("should let an admin open any roster, their own by default", () => {
    expect(rosterToEdit(account({ role: "admin", area: null, scope: null }))).toBe("national");
    expect(rosterToEdit(account({ role: "admin", area: null, scope: null }), "50")).toBe("50");
    expect(rosterToEdit(account({ role: "admin" }))).toBe("50");
  });

  it("should give no roster to volunteers, citizens, or staff not yet approved", () => {
    expect(rosterToEdit(account({ role: "volunteer" }))).toBeUndefined();
    expect(rosterToEdit(account({ role: "citizen", registration: "none" }))).toBeUndefined();
    expect(rosterToEdit(account({ registration: "pending" }))).toBeUndefined();
  });
});

describe("a roster as staff send it", () => {
  const shift = { from: "08:30", to: "16:30", userId: "Uday" };

  it("should fill in every day and no backup when they are left out", () => {
    expect(saveDutyRosterSchema.parse({ shifts: [shift] })).toEqual({
      shifts: [{ ...shift, days: [], backupUserId: null }],
    });
  });

  it("should refuse a backup who is the person on duty, and fields it does not know, by path", () => {
    const same = saveDutyRosterSchema.safeParse({ shifts: [{ ...shift, backupUserId: "Uday" }] });
    expect(same.error?.issues.map(issue => issue.path)).toEqual([["shifts", 0, "backupUserId"]]);
    const extra = saveDutyRosterSchema.safeParse({ shifts: [{ ...shift, name: "x" }] });
    expect(extra.error?.issues.map(issue => issue.path)).toEqual([["shifts", 0]]);
  });
});
