import { describe, expect, it } from "vitest";
import { parseAgeAnswer, possibleAges, questionsNeeded } from "../../../core/src/welfare";
import { THAI_ADULT, resultFor } from "./translate";

const oldAge = (profile: object, asOf = "2026-11-25") =>
  resultFor("old_age_allowance", { ...THAI_ADULT, ...profile }, { asOf });

describe("age from a birth date or a Buddhist-era birth year", () => {
  it("counts full years on the check date from a birth date", () => {
    expect(possibleAges({ birthDate: "1966-11-25" }, "2026-11-25")).toEqual([60]);
    expect(possibleAges({ birthDate: "1966-11-26" }, "2026-11-25")).toEqual([59]);
    expect(oldAge({ birthDate: "1966-11-25" })).toMatchObject({
      status: "eligible",
      monthlyAmount: 600,
    });
    expect(oldAge({ birthDate: "1966-11-26" }).status).toBe("not_eligible");
  });

  it("the same birth date gives the age on a past check date", () => {
    expect(oldAge({ birthDate: "1946-03-01" }, "2016-02-29")).toMatchObject({
      monthlyAmount: 600,
    });
    expect(oldAge({ birthDate: "1946-03-01" }, "2016-03-01")).toMatchObject({
      monthlyAmount: 700,
    });
  });

  it("a birth year that decides either way answers: born 2490 BE is 78 or 79 in 2026", () => {
    expect(possibleAges({ birthYearBE: 2490 }, "2026-11-25")).toEqual([78, 79]);
    expect(oldAge({ birthYearBE: 2490 })).toMatchObject({ status: "eligible", monthlyAmount: 700 });
  });

  it("a birth year on the edge of a band is unknown and asks for the age", () => {
    // Born 2509 BE (1966): 59 or 60 in 2026.
    const result = oldAge({ birthYearBE: 2509 });
    expect(result.status).toBe("unknown");
    expect(result.missing).toEqual(["age"]);
    expect(
      questionsNeeded({ ...THAI_ADULT, birthYearBE: 2509 }, ["old_age_allowance"], {
        asOf: "2026-11-25",
      }).fields,
    ).toEqual(["age"]);
  });

  it("an age given outright wins over a birth year", () => {
    expect(possibleAges({ age: 61, birthYearBE: 2509 }, "2026-11-25")).toEqual([61]);
  });

  it("reads the ways people answer the age question", () => {
    const today = "2026-11-25";
    expect(parseAgeAnswer("65", today)).toEqual({ age: 65 });
    expect(parseAgeAnswer("๖๕ ปี", today)).toEqual({ age: 65 });
    expect(parseAgeAnswer("2504", today)).toEqual({ birthYearBE: 2504 });
    expect(parseAgeAnswer("พ.ศ. 2504", today)).toEqual({ birthYearBE: 2504 });
    expect(parseAgeAnswer("1961", today)).toEqual({ birthYearBE: 2504 });
    expect(parseAgeAnswer("1/3/2504", today)).toEqual({ birthDate: "1961-03-01" });
    expect(parseAgeAnswer("1/3/2570", today)).toBeUndefined();
    expect(parseAgeAnswer("500", today)).toBeUndefined();
    expect(parseAgeAnswer("แก่แล้ว", today)).toBeUndefined();
  });
});
