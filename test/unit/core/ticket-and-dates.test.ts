import { describe, expect, it } from "vitest";
import { formatDateTime, newTicketCode } from "@sa/core";

describe("ticket codes and dates", () => {
  it("should date a ticket in the Buddhist era by Bangkok's calendar, not the server's", () => {
    // 18:30 UTC on 25 Nov is already 26 Nov in Bangkok; 2026 is BE 2569.
    expect(newTicketCode(new Date("2026-11-25T18:30:00Z"), () => 0)).toBe("691126-00000");
  });

  it("should use only digits, so a ticket can be read out over the phone", () => {
    const codes = Array.from({ length: 200 }, () => newTicketCode(new Date()));
    for (const code of codes) expect(code).toMatch(/^\d{6}-\d{5}$/);
    // Random, not one code for everyone.
    expect(new Set(codes).size).toBeGreaterThan(150);
  });

  it("should show Thai readers a Buddhist-era date and English readers a Gregorian one", () => {
    const at = "2026-11-25T07:05:00Z";
    expect(formatDateTime(at, "th")).toContain("2569");
    expect(formatDateTime(at, "th")).toContain("14:05");
    expect(formatDateTime(at, "en")).toContain("2026");
  });
});
