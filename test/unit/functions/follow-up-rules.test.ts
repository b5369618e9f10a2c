import {
  followUpAfter,
  isFollowUpOverdue,
  nextStepProblem,
  nextStepSchema,
  reminderDue,
  visitSchema,
  type Case,
} from "@sa/core";
import { describe, expect, it } from "vitest";
import { followUpCounts } from "../../../functions/src/cases/follow-up-counts";
import { renderAll } from "../../../functions/src/cases/notices";
import { planStatusChange } from "../../../functions/src/cases/status-rules";

const openFollowUp = { due: "2026-12-02", volunteerUserId: "Uvolunteer", remindedOn: [] };

const report = (overrides: Partial<Case> = {}): Case => ({
  ticket: "691125-ABCDE",
  category: "elderly",
  urgent: false,
  description: "ยายอยู่คนเดียว",
  location: null,
  photos: [],
  reporter: { lineUserId: "Ucitizen", phone: "0812345678", language: "th" },
  consent: { version: "v", givenAt: "2026-11-25T00:00:00Z", sharePhone: true },
  status: "resolved",
  followUp: openFollowUp,
  createdAt: "2026-11-25T00:00:00Z",
  updatedAt: "2026-11-25T00:00:00Z",
  ...overrides,
});

describe("closing a case with an open follow-up", () => {
  it("should refuse to close it without a reason, with a code the app can translate", () => {
    for (const reason of [undefined, "", "   "]) {
      expect(() => planStatusChange(report(), "closed", {}, { reason })).toThrow(
        expect.objectContaining({ code: "FollowUpOpen" }),
      );
    }
  });

  it("should close it with a reason and end the follow-up, so no reminder follows", () => {
    const plan = planStatusChange(report(), "closed", {}, { reason: "ย้ายไปอยู่กับลูกที่ลำพูน" });
    expect(plan.update).toMatchObject({ status: "closed", followUp: null });
  });

  it("should let the citizen confirm it solved, and close a case without follow-up as before", () => {
    expect(planStatusChange(report(), "closed", {}, { byCitizen: true }).update.status).toBe(
      "closed",
    );
    const plain = planStatusChange(report({ followUp: null }), "closed");
    expect(plain.update.status).toBe("closed");
    expect(plain.update).not.toHaveProperty("followUp");
  });

  it("should not hold up other moves of the case", () => {
    expect(planStatusChange(report(), "in_progress").update.status).toBe("in_progress");
  });
});

describe("a visit's next step", () => {
  it("should take a follow-up date or no follow-up with a reason, and nothing else", () => {
    expect(nextStepSchema.safeParse({ kind: "follow_up", date: "2026-12-02" }).success).toBe(true);
    expect(nextStepSchema.safeParse({ kind: "none", reason: "หายดีแล้ว" }).success).toBe(true);
    expect(nextStepSchema.safeParse({ kind: "none", reason: "  " }).success).toBe(false);
    expect(nextStepSchema.safeParse({ kind: "none" }).success).toBe(false);
    expect(nextStepSchema.safeParse({ kind: "follow_up", date: "2/12/2569" }).success).toBe(false);
    expect(visitSchema.shape.nextStep.safeParse(undefined).success).toBe(false);
  });
});

describe("the follow-up reminder", () => {
  it("should name only the ticket and the day, with a button to open the case", () => {
    for (const key of ["followUpToday", "followUpTomorrow"] as const) {
      const [push] = renderAll(
        [
          {
            to: "Uvolunteer",
            notice: { kind: "update", ticket: "691125-ABCDE", key },
            reason: "r",
          },
        ],
        new Map([["Uvolunteer", "th"]]),
        "https://liff.example",
      );
      const text = JSON.stringify(push!.messages);
      expect(text).toContain("691125-ABCDE");
      expect(text).toContain(key === "followUpToday" ? "วันนี้" : "พรุ่งนี้");
      expect(text).toContain("เปิดดู");
      expect(text).toContain("https://liff.example");
      expect(text).not.toMatch(/ยาย|0812345678/);
    }
  });

  it("should name a household by its id only, with a button to its visit form", () => {
    const [push] = renderAll(
      [
        {
          to: "Uvolunteer",
          notice: { kind: "household", householdId: "50-CM68-0001", key: "householdFollowUpToday" },
          reason: "r",
        },
      ],
      new Map([["Uvolunteer", "th"]]),
      "https://liff.example",
    );
    const text = JSON.stringify(push!.messages);
    expect(text).toContain("วันนี้มีนัดเยี่ยมติดตามบ้านรหัส 50-CM68-0001");
    expect(text).toContain("https://liff.example/households/50-CM68-0001/visit");
  });
});

describe("the follow-up rule, for cases and households alike", () => {
  // 1 December 2026, 23:30 in Bangkok (16:30 UTC): the Bangkok day, not the UTC one, counts.
  const lateEvening = new Date("2026-12-01T16:30:00Z");
  const volunteer = { userId: "Uvolunteer", name: "อพม. สมใจ" };

  it("should open a follow-up on a date not before the visit, and none when none is needed", () => {
    const visitedAt = "2026-12-01T23:00:00+07:00";
    expect(nextStepProblem({ kind: "follow_up", date: "2026-11-30" }, visitedAt)).toBeDefined();
    expect(nextStepProblem({ kind: "follow_up", date: "2026-12-01" }, visitedAt)).toBeUndefined();
    expect(nextStepProblem({ kind: "none", reason: "หายดีแล้ว" }, visitedAt)).toBeUndefined();
    expect(followUpAfter({ kind: "follow_up", date: "2026-12-08" }, volunteer)).toEqual({
      due: "2026-12-08",
      volunteerUserId: "Uvolunteer",
      volunteerName: "อพม. สมใจ",
      remindedOn: [],
    });
    expect(followUpAfter({ kind: "none", reason: "หายดีแล้ว" }, volunteer)).toBeNull();
  });

  it("should count a follow-up overdue only once its Bangkok day has passed", () => {
    const due = (date: string) => ({ ...openFollowUp, due: date });
    expect(isFollowUpOverdue(due("2026-11-30"), lateEvening)).toBe(true);
    expect(isFollowUpOverdue(due("2026-12-01"), lateEvening)).toBe(false);
    expect(isFollowUpOverdue(null, lateEvening)).toBe(false);
  });

  it("should remind the day before and on the day, once a day, and not after", () => {
    const due = (date: string, remindedOn: string[] = []) => ({
      ...openFollowUp,
      due: date,
      remindedOn,
    });
    expect(reminderDue(due("2026-12-02"), lateEvening)).toBe("tomorrow");
    expect(reminderDue(due("2026-12-01"), lateEvening)).toBe("today");
    expect(reminderDue(due("2026-12-01", ["2026-12-01"]), lateEvening)).toBeUndefined();
    expect(reminderDue(due("2026-11-30"), lateEvening)).toBeUndefined();
    expect(reminderDue(due("2026-12-03"), lateEvening)).toBeUndefined();
  });

  it("should group overdue follow-ups per volunteer and per sub-district, most first", () => {
    const item = (volunteerUserId: string, volunteerName: string, subDistrictCode: string) => ({
      volunteerUserId,
      volunteerName,
      subDistrictCode,
      subDistrict: subDistrictCode === "500101" ? "ศรีภูมิ" : "พระสิงห์",
    });
    const counts = followUpCounts({
      total: 5,
      read: [
        item("Ua", "", "500101"),
        item("Ub", "อพม. มานี", "500102"),
        item("Ua", "อพม. สมใจ", "500102"),
        item("Ua", "อพม. สมใจ", "500102"),
      ],
    });
    expect(counts).toEqual({
      overdue: 5,
      grouped: 4,
      byVolunteer: [
        { userId: "Ua", name: "อพม. สมใจ", count: 3 },
        { userId: "Ub", name: "อพม. มานี", count: 1 },
      ],
      bySubDistrict: [
        { code: "500102", name: "พระสิงห์", count: 3 },
        { code: "500101", name: "ศรีภูมิ", count: 1 },
      ],
    });
  });
});
