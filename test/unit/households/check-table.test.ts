import { readFileSync } from "node:fs";
import { join } from "node:path";
import writeXlsxFile from "write-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkHouseholdTable,
  houseAddressIn,
  loadAreaDirectory,
  templateCsv,
  type AreaDirectory,
} from "@sa/core";
import { readTable } from "../../../functions/src/households/read-table";
import { FAULTS } from "../../fixtures/households/generate";

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "../../fixtures/households", name));

let areas: AreaDirectory;
beforeAll(async () => {
  areas = await loadAreaDirectory();
}, 60_000);

const check = async (content: Buffer, provinceCode: string | null = "50", mapping = {}) =>
  checkHouseholdTable(await readTable(content), { areas, provinceCode, mapping });

describe("the demo list with real-list faults", () => {
  it("should name each fault by row and column, and keep every other row", async () => {
    const result = await check(fixture("target-households-faulty.csv"));
    const at = (row: number) => result.problems.filter(p => p.row === row);

    expect(at(FAULTS.blankSubDistrict)).toEqual([
      expect.objectContaining({ column: "ตำบล", code: "blank" }),
    ]);
    expect(at(FAULTS.misspeltSubDistrict.row)).toEqual([
      expect.objectContaining({
        column: "ตำบล",
        code: "unknown_sub_district",
        value: FAULTS.misspeltSubDistrict.typed,
        suggestion: FAULTS.misspeltSubDistrict.meant,
      }),
    ]);
    expect(at(FAULTS.misspeltSubDistrict2.row)).toEqual([
      expect.objectContaining({ suggestion: FAULTS.misspeltSubDistrict2.meant }),
    ]);
    expect(at(FAULTS.badDate.row)).toEqual([
      expect.objectContaining({ column: "วันที่สำรวจ", code: "bad_date" }),
    ]);
    for (const { row, firstRow } of FAULTS.duplicates) {
      expect(at(row)).toEqual([
        expect.objectContaining({ column: "รหัสครัวเรือน", code: "duplicate_id", firstRow }),
      ]);
    }
    expect(result.problems).toHaveLength(6);
    expect(result.rowCount).toBe(202);
    expect(result.households).toHaveLength(196);
  });

  it("should read Buddhist-era survey dates and place rows in their sub-district", async () => {
    const result = await check(fixture("target-households-corrected.csv"));
    expect(result.problems).toEqual([]);
    const first = result.households[0]!.household;
    expect(first).toMatchObject({
      householdId: "CM68-0001",
      village: 1,
      surveyedAt: "2025-01-01",
      area: { provinceCode: "50", subDistrict: "ศรีภูมิ", districtCode: "5001" },
      needs: { health: true, living: false },
    });
    const subDistricts = new Set(result.households.map(h => h.household.area.subDistrict));
    expect([...subDistricts].sort()).toEqual(["พระสิงห์", "ศรีภูมิ"]);
  });

  it("should refuse rows of another province for a province's staff, not for national staff", async () => {
    const bangkok = await check(fixture("target-households-corrected.csv"), "10");
    expect(bangkok.households).toEqual([]);
    expect(bangkok.problems[0]).toMatchObject({ row: 2, column: "จังหวัด", code: "outside_scope" });
    const national = await check(fixture("target-households-corrected.csv"), null);
    expect(national.households).toHaveLength(200);
  });
});

describe("layouts", () => {
  it("should accept the template's English headers and its downloadable CSV", async () => {
    const english =
      "household_id,house_number,village,sub_district,district,province,head_of_household,health,living_standard,education,income,access_to_services\r\n" +
      "A-1,5,หมู่ 2,Si Phum?,เมือง,เชียงใหม่,นายดี,0,0,0,0,1\r\n" +
      "A-2,6,ม.๓,ศรีภูมิ,เมือง,เชียงใหม่,นายดี,ใช่,ไม่,0,0,0\r\n";
    const result = await check(Buffer.from(english));
    expect(result.missing).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ row: 2, column: "sub_district", code: "unknown_sub_district" }),
    ]);
    expect(result.households[0]!.household).toMatchObject({ village: 3, needs: { health: true } });

    const template = await check(Buffer.from(templateCsv()));
    expect(template.problems).toEqual([]);
    expect(template.households).toHaveLength(1);
  });

  it("should ask for the columns it cannot find, and read them once they are mapped", async () => {
    const own =
      "เลขที่ครัวเรือน,บ้าน,หมู่ที่,ตำบล,จังหวัด,ผู้นำครอบครัว\r\nX1,9,1,ศรีภูมิ,เชียงใหม่,นางดี\r\n";
    const unmapped = await check(Buffer.from(own));
    expect(unmapped.missing).toEqual(["householdId", "houseNumber", "headName"]);
    expect(unmapped.households).toEqual([]);

    const mapped = await check(Buffer.from(own), "50", {
      householdId: "เลขที่ครัวเรือน",
      houseNumber: "บ้าน",
      headName: "ผู้นำครอบครัว",
    });
    expect(mapped.missing).toEqual([]);
    expect(mapped.households[0]!.household).toMatchObject({ householdId: "X1", headName: "นางดี" });
  });

  it("should read an .xlsx sheet, its date cells included", async () => {
    const xlsx = await writeXlsxFile([
      [
        "รหัสครัวเรือน",
        "บ้านเลขที่",
        "หมู่ที่",
        "ตำบล",
        "จังหวัด",
        "หัวหน้าครัวเรือน",
        "วันที่สำรวจ",
      ],
      [
        "B-7",
        "7",
        4,
        "พระสิงห์",
        "เชียงใหม่",
        "นายเจ็ด",
        { value: new Date(Date.UTC(2025, 5, 15)), type: Date, format: "dd/mm/yyyy" },
      ],
    ] as never).toBuffer();
    const result = await check(xlsx);
    expect(result.problems).toEqual([]);
    expect(result.households[0]!.household).toMatchObject({
      householdId: "B-7",
      village: 4,
      surveyedAt: "2025-06-15",
      area: { subDistrict: "พระสิงห์" },
    });
  });

  it("should refuse a file that is neither CSV nor .xlsx", async () => {
    const broken = Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), Buffer.alloc(50)]);
    await expect(readTable(broken)).rejects.toThrow(/xlsx/);
  });
});

describe("a case's address", () => {
  it("should read the house number and village the way people write them", () => {
    expect(houseAddressIn("บ้านเลขที่ ๑๒/๓ ม.๕ ต.ศรีภูมิ")).toEqual({
      houseNumber: "12/3",
      village: 5,
    });
    expect(houseAddressIn("45 หมู่ที่ 2 ตำบลพระสิงห์")).toEqual({ houseNumber: "45", village: 2 });
    expect(houseAddressIn("ตลาดวโรรส ต.ช้างม่อย")).toBeUndefined();
  });
});
