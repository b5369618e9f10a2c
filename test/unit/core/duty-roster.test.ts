import { describe, expect, it } from "vitest";
import { dutyRosterSchema, onDuty } from "@sa/core";

/** A moment in Thailand time (UTC+7), as the roster is written. */
const bangkok = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

const roster = dutyRosterSchema.parse({
  shifts: [
    // Office hours on weekdays, with a backup.
    { days: [1, 2, 3, 4, 5], from: "08:30", to: "16:30", userId: "Uday", backupUserId: "Uboss" },
    // Nights, every day, past midnight.
    { from: "16:30", to: "08:30", userId: "Unight", backupUserId: null },
  ],
});

describe("who is on duty", () => {
  it("should put the day officer on duty on a weekday morning, with their backup", () => {
    // 2026-12-01 is a Tuesday.
    expect(onDuty(roster, bangkok("2026-12-01T09:00:00"))).toEqual({
      primary: ["Uday"],
      backup: ["Uboss"],
    });
  });

  it("should put the night officer on duty after midnight, from the shift that began the evening before", () => {
    expect(onDuty(roster, bangkok("2026-12-02T02:15:00"))).toEqual({
      primary: ["Unight"],
      backup: [],
    });
    expect(onDuty(roster, bangkok("2026-12-01T16:30:00")).primary).toEqual(["Unight"]);
  });

  it("should leave nobody on duty on a Saturday morning when only weekday shifts cover it", () => {
    const weekdays = dutyRosterSchema.parse({ shifts: [roster.shifts[0]] });
    // 2026-12-05 is a Saturday.
    expect(onDuty(weekdays, bangkok("2026-12-05T10:00:00"))).toEqual({ primary: [], backup: [] });
  });

  it("should read the clock in Thailand time whatever the server's zone", () => {
    // 01:59 UTC is 08:59 in Bangkok: the day shift has begun.
    expect(onDuty(roster, new Date("2026-12-01T01:59:00Z")).primary).toEqual(["Uday"]);
  });

  it("should refuse a time that is not HH:MM", () => {
    expect(
      dutyRosterSchema.safeParse({ shifts: [{ from: "8:30", to: "16:30", userId: "U1" }] }).success,
    ).toBe(false);
  });
});
