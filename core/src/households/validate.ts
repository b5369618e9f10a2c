import { distance } from "fastest-levenshtein";
import type { Area } from "../area";
import { normaliseName, type AreaDirectory } from "../address/area-directory";
import { TPMAP_DIMENSIONS } from "../api/cases";
import { parseTypedDate } from "../dates";
import { toAsciiDigits } from "../thai-text";
import {
  HOUSEHOLD_COLUMNS,
  REQUIRED_COLUMNS,
  mapHeaders,
  type HeaderMapping,
  type HouseholdColumn,
} from "./columns";
import { HOUSEHOLD_ID, type ImportedHousehold, type NeedFlags } from "./household";

/** What can be wrong with a cell; the LIFF catalogs say each in Thai and English. */
export const IMPORT_PROBLEMS = [
  "blank",
  "bad_id",
  "duplicate_id",
  "bad_village",
  "bad_number",
  "bad_date",
  "bad_flag",
  "too_long",
  "unknown_province",
  "unknown_district",
  "unknown_sub_district",
  "outside_scope",
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];

export interface ImportProblem {
  /** The row as the spreadsheet numbers it: the header is row 1. */
  row: number;
  /** The header as the file has it. */
  column: string;
  code: ImportProblemCode;
  /** What the cell holds (cut short). */
  value: string;
  /** The name we think was meant (a misspelt sub-district or district). */
  suggestion?: string;
  /** For a duplicate id: the row that has it first. */
  firstRow?: number;
}

export interface TableCheck {
  headers: string[];
  mapping: HeaderMapping;
  /** Required columns with no header: the mapping step asks for them; no row is read. */
  missing: HouseholdColumn[];
  /** Data rows (blank rows not counted). */
  rowCount: number;
  households: { row: number; household: ImportedHousehold }[];
  problems: ImportProblem[];
}

export interface CheckOptions {
  areas: Pick<AreaDirectory, "find" | "within">;
  /** The importer's province; null for national staff and admins. */
  provinceCode: string | null;
  mapping?: HeaderMapping;
}

const TRUE_FLAGS = new Set(["1", "y", "yes", "true", "x", "✓", "/", "ใช่", "มี", "ตกเกณฑ์"]);
const FALSE_FLAGS = new Set(["", "0", "n", "no", "false", "-", "ไม่", "ไม่ใช่", "ไม่มี", "ผ่าน"]);

const LIMITS: Partial<Record<HouseholdColumn, number>> = { houseNumber: 20, headName: 100 };

/**
 * Checks a whole list before anything is written: every problem of every row, named by row and
 * column, and the households of the rows without one. Pure, so the preview and the import read
 * a file the same way.
 */
export function checkHouseholdTable(table: readonly string[][], options: CheckOptions): TableCheck {
  const headers = (table[0] ?? []).map(h => h.trim());
  const mapping = mapHeaders(headers, options.mapping);
  const missing = REQUIRED_COLUMNS.filter(c => mapping[c] === undefined);
  const dataRows = table
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter(({ cells }) => cells.some(cell => cell.trim() !== ""));
  const check: TableCheck = {
    headers,
    mapping,
    missing,
    rowCount: dataRows.length,
    households: [],
    problems: [],
  };
  if (missing.length > 0) return check;

  const index = Object.fromEntries(
    HOUSEHOLD_COLUMNS.map(c => [c, mapping[c] === undefined ? -1 : headers.indexOf(mapping[c])]),
  ) as Record<HouseholdColumn, number>;
  const resolve = areaResolver(options.areas);
  const firstRowOf = new Map<string, number>();

  for (const { row, cells } of dataRows) {
    const cell = (c: HouseholdColumn) => (index[c] < 0 ? "" : (cells[index[c]] ?? "").trim());
    const problems: ImportProblem[] = [];
    const flag = (column: HouseholdColumn, code: ImportProblemCode, extra = {}) =>
      problems.push({
        row,
        column: mapping[column]!,
        code,
        value: cell(column).slice(0, 60),
        ...extra,
      });

    for (const column of REQUIRED_COLUMNS) if (cell(column) === "") flag(column, "blank");
    for (const [column, max] of Object.entries(LIMITS) as [HouseholdColumn, number][]) {
      if (cell(column).length > max) flag(column, "too_long");
    }

    const householdId = toAsciiDigits(cell("householdId"));
    if (householdId && !HOUSEHOLD_ID.test(householdId)) flag("householdId", "bad_id");
    else if (householdId) {
      const first = firstRowOf.get(householdId);
      if (first !== undefined) flag("householdId", "duplicate_id", { firstRow: first });
      else firstRowOf.set(householdId, row);
    }

    const village = parseVillage(cell("village"));
    if (cell("village") && village === undefined) flag("village", "bad_village");

    const members = optionalNumber(cell("members"));
    if (
      members === null ||
      (members !== undefined && !(Number.isInteger(members) && members >= 1 && members <= 50))
    )
      flag("members", "bad_number");

    const surveyedAt = cell("surveyedAt") ? parseTypedDate(cell("surveyedAt")) : undefined;
    if (cell("surveyedAt") && !surveyedAt) flag("surveyedAt", "bad_date");

    const needs = {} as NeedFlags;
    for (const dimension of TPMAP_DIMENSIONS) {
      const value = parseFlag(cell(dimension));
      if (value === undefined) flag(dimension, "bad_flag");
      needs[dimension] = value ?? false;
    }

    const latitude = optionalNumber(cell("latitude"));
    const longitude = optionalNumber(cell("longitude"));
    const pointOk =
      typeof latitude === "number" &&
      latitude >= 5 &&
      latitude <= 21 &&
      typeof longitude === "number" &&
      longitude >= 97 &&
      longitude <= 106;
    if ((cell("latitude") || cell("longitude")) && !pointOk) {
      flag(cell("latitude") ? "latitude" : "longitude", "bad_number");
    }

    let area: Area | undefined;
    if (cell("province") && cell("subDistrict")) {
      const found = resolve(cell("province"), cell("district"), cell("subDistrict"));
      if ("area" in found) area = found.area;
      else flag(found.column, found.code, found.suggestion ? { suggestion: found.suggestion } : {});
    }
    if (area && options.provinceCode !== null && area.provinceCode !== options.provinceCode) {
      flag("province", "outside_scope");
    }

    if (problems.length > 0 || !area || village === undefined) {
      check.problems.push(...problems);
      continue;
    }
    check.households.push({
      row,
      household: {
        householdId,
        houseNumber: cell("houseNumber"),
        village,
        area: area as ImportedHousehold["area"],
        headName: cell("headName"),
        members: members ?? null,
        surveyedAt: surveyedAt ?? null,
        needs,
        point: pointOk ? { latitude: latitude!, longitude: longitude! } : null,
      },
    });
  }
  return check;
}

/** "3", "หมู่ 3", "ม.3", "หมู่ที่ ๓" → 3. */
function parseVillage(text: string): number | undefined {
  const match = /^(?:หมู่ที่|หมู่|ม\.|moo)?\s*(\d{1,2})$/i.exec(toAsciiDigits(text).trim());
  const village = match ? Number(match[1]) : NaN;
  return village >= 1 && village <= 99 ? village : undefined;
}

/** undefined for a blank cell, null for one that is not a number. */
function optionalNumber(text: string): number | null | undefined {
  const ascii = toAsciiDigits(text).replace(/,/g, "").trim();
  if (ascii === "") return undefined;
  const value = Number(ascii);
  return Number.isFinite(value) ? value : null;
}

function parseFlag(text: string): boolean | undefined {
  const key = toAsciiDigits(text).trim().toLowerCase();
  if (TRUE_FLAGS.has(key)) return true;
  if (FALSE_FLAGS.has(key)) return false;
  return undefined;
}

type Resolution =
  | { area: Area }
  | {
      column: "province" | "district" | "subDistrict";
      code: ImportProblemCode;
      suggestion?: string;
    };

/**
 * Province, district and sub-district names to the directory's area, remembered per name
 * (a list of 10,000 rows names a few dozen places). A name not found gets the closest name of
 * its level in the place above it as a suggestion, when one is close enough to be a typo.
 */
function areaResolver(areas: CheckOptions["areas"]) {
  const seen = new Map<string, Resolution>();
  const same = (a: string | undefined, b: string) =>
    a !== undefined && normaliseName(a) === normaliseName(b);

  const resolve = (provinceName: string, districtName: string, subName: string): Resolution => {
    const province = areas
      .find(provinceName)
      .find(
        a =>
          !a.districtCode && (same(a.province, provinceName) || same(a.provinceEn, provinceName)),
      );
    if (!province) return { column: "province", code: "unknown_province" };

    const districts = areas.within(province.provinceCode);
    let district: Area | undefined;
    if (districtName) {
      // Lists often write "เมือง" for the province's capital district.
      district = districts.find(
        d =>
          same(d.district, districtName) ||
          (same(d.district, `เมือง${province.province}`) && same("เมือง", districtName)),
      );
      if (!district) {
        const suggestion = closest(
          districtName,
          districts.map(d => d.district!),
        );
        return { column: "district", code: "unknown_district", ...(suggestion && { suggestion }) };
      }
    }
    const candidates = (district ? [district] : districts).flatMap(d =>
      areas.within(d.districtCode!),
    );
    const matches = candidates.filter(s => same(s.subDistrict, subName));
    if (matches.length === 1) return { area: matches[0]! };
    const suggestion =
      matches.length > 1
        ? undefined
        : closest(
            subName,
            candidates.map(s => s.subDistrict!),
          );
    return {
      column: "subDistrict",
      code: "unknown_sub_district",
      ...(suggestion && { suggestion }),
    };
  };

  return (province: string, district: string, subDistrict: string): Resolution => {
    const key = `${province}|${district}|${subDistrict}`;
    let found = seen.get(key);
    if (!found) {
      found = resolve(province, district, subDistrict);
      seen.set(key, found);
    }
    return found;
  };
}

/** The name nearest to a typo, when it is within a third of its length (at least 2 edits). */
function closest(typed: string, names: string[]): string | undefined {
  const wanted = normaliseName(typed);
  let best: { name: string; cost: number } | undefined;
  for (const name of names) {
    const cost = distance(wanted, normaliseName(name));
    if (!best || cost < best.cost) best = { name, cost };
  }
  return best && best.cost <= Math.max(2, Math.floor(wanted.length / 3)) ? best.name : undefined;
}
