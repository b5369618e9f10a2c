import type { Language, Case } from "@sa/core";
import { describe, expect, it } from "vitest";
import {
  assignVolunteer,
  confirmSolved,
  referCase,
  reopenCase,
  staffStatus,
  takeCase,
} from "../../../functions/src/cases/case-changes";
import type { CaseChange } from "../../../functions/src/cases/case-service";
import { renderAll, withdrawnNotices } from "../../../functions/src/cases/notices";
import type { Account } from "../../../functions/src/repositories/users";
import { visibleText } from "../../support/chat";

const LIFF = "https://liff.line.me/app";
const DESCRIPTION = "เด็กถูกทุบตีที่บ้านเลขที่ 12 ซอยวัดเกต";

const report = (overrides: Partial<Case> = {}): Case =>
  ({
    ticket: "691125-ABCDE",
    category: "children_youth",
    urgent: false,
    description: DESCRIPTION,
    location: { area: { provinceCode: "50", province: "เชียงใหม่", district: "เมืองเชียงใหม่" } },
    photos: [],
    reporter: { lineUserId: "Ucitizen", phone: "0812345678", language: "th" },
    status: "new",
    createdAt: "2026-11-25T00:00:00Z",
    updatedAt: "2026-11-25T00:00:00Z",
    routing: { recipients: ["Ustaff-th", "Ustaff-en"] },
    ...overrides,
  }) as Case;

const account = (userId: string, overrides: Partial<Account> = {}): Account => ({
  userId,
  role: "staff",
  registration: "approved",
  name: "สมศรี",
  phone: null,
  volunteerNumber: null,
  area: { provinceCode: "50", province: "เชียงใหม่" } as Account["area"],
  scope: { kind: "province", provinceCode: "50" },
  language: "th",
  ...overrides,
});

/** Staff and volunteers' languages, as their accounts hold them (missing: Thai). */
const LANGUAGES = new Map<string, Language>([
  ["Ustaff-en", "en"],
  ["Uvolunteer", "en"],
]);

/** Plans a change as `by` and renders every push it causes, as each recipient reads it. */
async function pushesOf(change: CaseChange, subject: Case, by = account("Ustaff-th")) {
  const plan = await change.plan({
    report: subject,
    account: by,
    readAccount: async userId =>
      account(userId, { role: "volunteer", language: LANGUAGES.get(userId) ?? "th" }),
  });
  return renderAll(plan.notices, LANGUAGES, LIFF).map(push => ({
    to: push.to,
    text: visibleText(push.messages[0] as Record<string, unknown>),
    json: JSON.stringify(push.messages),
  }));
}

const now = new Date("2026-11-25T01:00:00Z");

describe("who is told of a case, and in which language", () => {
  it("should tell the other staff who took the case, each in their own language, with an open button", async () => {
    const pushes = await pushesOf(takeCase({ type: "acknowledged", data: {}, now }), report());
    const toOther = pushes.find(p => p.to === "Ustaff-en")!;
    expect(toOther.text).toContain("has been taken by สมศรี");
    expect(toOther.text).toContain("Open");
    expect(toOther.json).toContain(`${LIFF}/cases/691125-ABCDE`);
    expect(pushes.some(p => p.to === "Ustaff-th")).toBe(false);
    const toCitizen = pushes.find(p => p.to === "Ucitizen")!;
    expect(toCitizen.text).toContain("เจ้าหน้าที่รับเรื่องของท่านแล้ว");
  });

  it("should title a volunteer's push as an assignment, in the volunteer's language", async () => {
    const pushes = await pushesOf(
      assignVolunteer("Uvolunteer"),
      report({ status: "acknowledged" }),
    );
    const toVolunteer = pushes.find(p => p.to === "Uvolunteer")!;
    expect(toVolunteer.text).toContain("Assigned to you");
    expect(toVolunteer.text).toContain("Open");
    const toCitizen = pushes.find(p => p.to === "Ucitizen")!;
    expect(toCitizen.text).toContain("มีอาสาสมัคร (อพม.) ดูแลเรื่องของท่านแล้ว");
  });

  it("should tell the citizen when staff close a case straight from new", async () => {
    const pushes = await pushesOf(staffStatus({ status: "closed" }, now), report());
    expect(pushes.map(p => p.to)).toEqual(["Ucitizen"]);
    expect(pushes[0]!.text).toContain("ปิดเรื่องแล้ว");
  });

  it("should tell an English-speaking citizen in English, and not a citizen who closed it themselves", async () => {
    const english = report({
      status: "acknowledged",
      reporter: { lineUserId: "Ucitizen", phone: null, language: "en" },
    });
    const closed = await pushesOf(staffStatus({ status: "closed" }, now), english);
    expect(closed[0]!.text).toContain("your report is now closed");
    expect(await pushesOf(confirmSolved(), report({ status: "resolved" }))).toEqual([]);
  });

  it("should tell the staff on the case and the volunteer of a referral and a reopening in their languages", async () => {
    const taken = report({
      status: "in_progress",
      acknowledgedBy: { userId: "Ustaff-en", name: "Sam", at: now.toISOString() },
      assignee: { userId: "Uvolunteer", name: "อาสา" },
    });
    const referred = await pushesOf(referCase({ agency: "hospital" }), taken);
    expect(referred.find(p => p.to === "Ustaff-en")!.text).toContain("referred it to a hospital");
    const reopened = await pushesOf(reopenCase(), { ...taken, status: "resolved" });
    expect(reopened.map(p => p.to).sort()).toEqual(["Ustaff-en", "Uvolunteer"]);
    for (const push of reopened) expect(push.text).toContain("The reporter reopened");
  });

  it("should put nothing of the report or the household visited in any push", async () => {
    const subject = report({
      status: "acknowledged",
      acknowledgedBy: { userId: "Ustaff-th", name: "สมศรี", at: now.toISOString() },
      assignee: { userId: "Uvolunteer", name: "อาสา" },
    });
    const all = [
      ...(await pushesOf(takeCase({ type: "acknowledged", data: {}, now }), report())),
      ...(await pushesOf(assignVolunteer("Uvolunteer"), subject)),
      ...(await pushesOf(staffStatus({ status: "resolved" }, now), subject)),
      ...(await pushesOf(staffStatus({ status: "closed" }, now), subject)),
      ...renderAll(withdrawnNotices(subject), LANGUAGES, LIFF).map(p => ({
        json: JSON.stringify(p.messages),
      })),
    ];
    expect(all.length).toBeGreaterThan(5);
    for (const push of all) {
      expect(push.json).not.toContain("ทุบตี");
      expect(push.json).not.toContain("0812345678");
      expect(push.json).not.toContain("วัดเกต");
    }
  });
});
