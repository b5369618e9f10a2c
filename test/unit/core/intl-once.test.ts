import { describe, expect, it } from "vitest";
import { builtOnce, compareIso, compareNames } from "../../../core/src/intl-once";

describe("Intl objects built once", () => {
  it("builds one per locale and hands the same one back after", () => {
    const built: string[] = [];
    const format = builtOnce(locale => {
      built.push(locale);
      return new Intl.NumberFormat(locale);
    });
    const first = format("th");
    expect(format("th")).toBe(first);
    expect(format("en")).not.toBe(first);
    expect(built).toEqual(["th", "en"]);
  });

  it("sorts Thai names in Thai dictionary order, not by code point", () => {
    // Leading vowels (เ, โ, ไ) are written first but sorted by the consonant after them.
    const names = ["เกษม", "ขวัญ", "กมล", "โกวิท"];
    expect([...names].sort(compareNames("th"))).toEqual(["กมล", "เกษม", "โกวิท", "ขวัญ"]);
  });

  it("orders ISO timestamps by time", () => {
    const times = [
      "2026-12-01T10:00:00.000Z",
      "2026-11-30T23:59:59.000Z",
      "2026-12-01T09:00:00.000Z",
    ];
    expect([...times].sort(compareIso)).toEqual([
      "2026-11-30T23:59:59.000Z",
      "2026-12-01T09:00:00.000Z",
      "2026-12-01T10:00:00.000Z",
    ]);
  });
});
