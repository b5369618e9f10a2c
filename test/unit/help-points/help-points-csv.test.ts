import { describe, expect, it } from "vitest";
import { parseHelpPointsCsv } from "../../../functions/src/help-points/help-points-csv";

const THAI_HEADER = "รหัส,ประเภท,ชื่อ,ที่อยู่,รหัสตำบล,ละติจูด,ลองจิจูด,โทรศัพท์,เวลาทำการ";
const ROW =
  'cm-si-phum,ศูนย์ช่วยเหลือสังคมตำบล,ศูนย์ฯ ตำบลศรีภูมิ,"ถนนราชดำเนิน, ต.ศรีภูมิ",500101,18.796,98.985,053-112-233,จันทร์–ศุกร์ 08:30–16:30';

describe("the help-point CSV", () => {
  it("should read Thai headers, Thai kind names and quoted commas", () => {
    const { points, issues } = parseHelpPointsCsv(`\uFEFF${THAI_HEADER}\n${ROW}\n`);
    expect(issues).toEqual([]);
    expect(points).toEqual([
      expect.objectContaining({
        id: "cm-si-phum",
        kind: "one_stop_centre",
        address: "ถนนราชดำเนิน, ต.ศรีภูมิ",
        phone: "053112233",
        location: { latitude: 18.796, longitude: 98.985 },
      }),
    ]);
  });

  it("should name each bad row and column, and a missing column", () => {
    const bad = [
      "id,kind,name,address,subDistrictCode,latitude,longitude,phone,hours",
      "a,shelter,A,addr,500101,18.8,98.9,1300,24h",
      "a,shelter,A again,addr,500101,18.8,98.9,1300,24h",
      "b,school,B,addr,500101,abc,98.9,1300,",
      "c,shelter,C,addr,509999,18.8,98.9,5,24h",
    ].join("\n");
    expect(parseHelpPointsCsv(bad).issues).toEqual([
      { row: 3, column: "id", problem: "duplicate_id" },
      { row: 4, column: "hours", problem: "missing" },
      { row: 5, column: "subDistrictCode", problem: "invalid" },
      { row: 5, column: "phone", problem: "invalid" },
    ]);
    expect(parseHelpPointsCsv("id,name\nx,y").issues).toContainEqual({
      row: 1,
      column: "phone",
      problem: "missing_column",
    });
  });
});
