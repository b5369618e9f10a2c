import type { Case } from "@sa/core";
import { describe, expect, it } from "vitest";
import { canChange, canSee, scopeOf } from "../../../functions/src/cases/case-access";
import type { Account } from "../../../functions/src/repositories/users";

const account = (overrides: Partial<Account>): Account => ({
  userId: "Ustaff",
  role: "staff",
  registration: "approved",
  name: "เจ้าหน้าที่",
  phone: null,
  volunteerNumber: null,
  area: null,
  scope: { kind: "province", provinceCode: "50" },
  language: "th",
  ...overrides,
});

const report = (provinceCode: string | null, assignee: string | null = null): Case =>
  ({
    ticket: "691125-AAAAA",
    location: provinceCode ? { area: { provinceCode, province: "x" } } : null,
    assignee: assignee ? { userId: assignee, name: "" } : null,
    reporter: { lineUserId: "Ucitizen", phone: null, language: "th" },
  }) as unknown as Case;

describe("who may see and change a case", () => {
  it("should fail closed for staff without a scope", () => {
    const noScope = account({ scope: null });
    expect(scopeOf(noScope)).toEqual({ kind: "none" });
    expect(canSee(noScope, report("50"))).toBe(false);
    expect(canSee(noScope, report(null))).toBe(false);
    expect(canChange(noScope, report("50"), "manage")).toBe(false);
  });

  it("should give province staff their province, national staff and admins every case", () => {
    expect(canSee(account({}), report("50"))).toBe(true);
    expect(canSee(account({}), report("10"))).toBe(false);
    expect(canSee(account({}), report(null))).toBe(false);
    const centre = account({ scope: { kind: "national" } });
    expect(canSee(centre, report("10"))).toBe(true);
    expect(canSee(centre, report(null))).toBe(true);
    expect(canSee(account({ role: "admin", scope: null }), report("10"))).toBe(true);
  });

  it("should refuse staff not yet approved, whatever their scope", () => {
    expect(canSee(account({ registration: "pending" }), report("50"))).toBe(false);
  });

  it("should let a volunteer see and work only the cases assigned to them, once approved", () => {
    const volunteer = account({ userId: "Uvol", role: "volunteer", scope: null });
    expect(canChange(volunteer, report("50", "Uvol"), "work")).toBe(true);
    expect(canChange(volunteer, report("50", "Uvol"), "manage")).toBe(false);
    expect(canSee(volunteer, report("50", "Uother"))).toBe(false);
    expect(canSee({ ...volunteer, registration: "pending" }, report("50", "Uvol"))).toBe(false);
    // A scope on a volunteer's record grants nothing.
    expect(canSee({ ...volunteer, scope: { kind: "national" } }, report("50"))).toBe(false);
  });

  it("should let only the reporter give feedback", () => {
    expect(
      canChange(account({ userId: "Ucitizen", role: "citizen" }), report("50"), "feedback"),
    ).toBe(true);
    expect(canChange(account({ role: "admin" }), report("50"), "feedback")).toBe(false);
  });
});
