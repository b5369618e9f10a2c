import { compareNames, hasNeeds, type Household, type ProgressRow } from "@sa/core";
import { csvCell } from "../cases/cases-csv";

/**
 * Visited, remaining and needs found per village, with a total row per sub-district before its
 * villages; sub-districts by name, villages by number.
 */
export function progressRows(households: Household[]): ProgressRow[] {
  const rows = new Map<string, ProgressRow>();
  const add = (household: Household, village: number | null) => {
    const key = `${household.area.subDistrictCode}|${village ?? ""}`;
    const row = rows.get(key) ?? {
      subDistrictCode: household.area.subDistrictCode,
      subDistrict: household.area.subDistrict ?? "",
      village,
      total: 0,
      visited: 0,
      remaining: 0,
      needsFound: 0,
    };
    row.total++;
    if (household.lastVisit) {
      row.visited++;
      if (hasNeeds(household.needs)) row.needsFound++;
    } else row.remaining++;
    rows.set(key, row);
  };
  for (const household of households) {
    add(household, null);
    add(household, household.village);
  }
  return [...rows.values()].sort(
    (a, b) =>
      compareNames("th")(a.subDistrict, b.subDistrict) ||
      a.subDistrictCode.localeCompare(b.subDistrictCode) ||
      (a.village ?? 0) - (b.village ?? 0),
  );
}

/** The progress table for Excel: Thai headers, UTF-8 with a byte-order mark. */
export function progressCsv(rows: ProgressRow[]): string {
  const header = [
    "รหัสตำบล",
    "ตำบล",
    "หมู่ที่",
    "ครัวเรือน",
    "เยี่ยมแล้ว",
    "ยังไม่เยี่ยม",
    "พบความต้องการ",
  ];
  const lines = rows.map(r =>
    [
      r.subDistrictCode,
      r.subDistrict,
      r.village ?? "ทั้งตำบล",
      r.total,
      r.visited,
      r.remaining,
      r.needsFound,
    ]
      .map(csvCell)
      .join(","),
  );
  return `\uFEFF${[header.map(csvCell).join(","), ...lines].join("\r\n")}\r\n`;
}
