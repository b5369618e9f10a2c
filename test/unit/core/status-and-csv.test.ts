import { describe, expect, it } from "vitest";
import { casesCsv } from "../../../functions/src/cases/cases-csv";
import { renderAll } from "../../../functions/src/cases/notices";
import { planStatusChange } from "../../../functions/src/cases/status-rules";
import { backoffMs, MAX_ATTEMPTS } from "../../../functions/src/outbox/deliver";
import { isValidThaiNationalId, TRANSITIONS, type Case } from "@sa/core";

const report = (overrides: Partial<Case> = {}): Case => ({
  ticket: "691125-ABCDE",
  category: "elderly",
  urgent: false,
  description: "x",
  location: null,
  photos: [],
  reporter: { lineUserId: "Ucitizen", phone: null, language: "en" },
  consent: { version: "v", givenAt: "2026-11-25T00:00:00Z", sharePhone: false },
  status: "new",
  createdAt: "2026-11-25T00:00:00Z",
  updatedAt: "2026-11-25T00:00:00Z",
  ...overrides,
});

describe("case status changes", () => {
  it("should refuse a move the case cannot make", () => {
    expect(() => planStatusChange(report({ status: "closed" }), "assigned")).toThrow(
      /cannot become/,
    );
    expect(() => planStatusChange(report({ status: "new" }), "resolved")).toThrow(/cannot become/);
  });

  it("should tell the citizen in their own language when their case is taken, referred or resolved", () => {
    const plan = planStatusChange(report(), "acknowledged");
    expect(plan.update.status).toBe("acknowledged");
    expect(plan.notices).toHaveLength(1);
    expect(plan.notices[0]!.to).toBe("Ucitizen");
    const [push] = renderAll(plan.notices, new Map(), "https://liff.example");
    expect(JSON.stringify(push!.messages)).toContain("staff have taken your report");
    const quiet = planStatusChange(report({ status: "acknowledged" }), "in_progress");
    expect(quiet.notices).toEqual([]);
  });

  it("should let a citizen's 'not solved' reopen a resolved case, and a reopened case be worked again", () => {
    expect(TRANSITIONS.resolved).toContain("reopened");
    expect(TRANSITIONS.reopened).toContain("assigned");
  });
});

describe("push retries", () => {
  it("should back off from 30 seconds up to 30 minutes and keep trying for hours", () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
    expect(backoffMs(10)).toBe(30 * 60_000);
    const total = Array.from({ length: MAX_ATTEMPTS }, (_, i) => backoffMs(i + 1)).reduce(
      (a, b) => a + b,
    );
    expect(total).toBeGreaterThan(2 * 3_600_000);
  });
});

describe("the CSV export", () => {
  it("should start with a byte-order mark and quote cells that would break a row", () => {
    const csv = casesCsv([report({ assignee: { userId: "u", name: 'สมศรี, "ใจดี"' } })]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"สมศรี, ""ใจดี"""');
    expect(csv.split("\r\n")).toHaveLength(3);
  });

  it("should put a date Excel can sort beside each Thai (Buddhist-era) date", () => {
    const csv = casesCsv([
      report({ createdAt: "2026-11-24T20:30:00Z", updatedAt: "2026-12-31T17:05:00Z" }),
    ]);
    const [header, row] = csv
      .slice(1)
      .split("\r\n")
      .map(line => line.split(","));
    const column = (name: string) => row![header!.indexOf(name)];
    // 20:30 UTC is 03:30 the next morning in Bangkok; the Thai date says 2569.
    expect(column("วันที่แจ้ง (ค.ศ.)")).toBe("2026-11-25 03:30");
    expect(column("วันที่แจ้ง")).toContain("2569");
    expect(column("อัปเดตล่าสุด (ค.ศ.)")).toBe("2027-01-01 00:05");
  });
});

describe("Thai national ID numbers", () => {
  it("should accept a correct checksum and refuse a wrong one", () => {
    expect(isValidThaiNationalId("1101700203450")).toBe(true);
    expect(isValidThaiNationalId("1101700203451")).toBe(false);
    expect(isValidThaiNationalId("110170020345")).toBe(false);
  });
});
