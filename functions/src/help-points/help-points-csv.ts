import { helpPointSchema, HELP_POINT_KINDS, type HelpPoint, type HelpPointKind } from "@sa/core";
import { parse } from "csv-parse/sync";

/**
 * The help-point CSV an admin uploads: one row per help point, English or Thai headers
 * (docs/HELP-POINTS.md). Parsed whole and checked row by row before anything is written.
 */
export const HELP_POINT_COLUMNS = {
  id: ["id", "รหัส"],
  kind: ["kind", "ประเภท"],
  name: ["name", "ชื่อ"],
  address: ["address", "ที่อยู่"],
  subDistrictCode: ["subdistrictcode", "รหัสตำบล"],
  latitude: ["latitude", "ละติจูด"],
  longitude: ["longitude", "ลองจิจูด"],
  phone: ["phone", "โทรศัพท์"],
  hours: ["hours", "เวลาทำการ"],
} as const;
type Column = keyof typeof HELP_POINT_COLUMNS;

/** The kinds as Thai admins write them, beside the codes. */
const KIND_WORDS: Record<string, HelpPointKind> = {
  ศูนย์ช่วยเหลือสังคมตำบล: "one_stop_centre",
  สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด: "provincial_office",
  พมจ: "provincial_office",
  บ้านพัก: "shelter",
  สถานคุ้มครอง: "shelter",
};

export type CsvProblem = "missing_column" | "missing" | "invalid" | "duplicate_id" | "unreadable";
export interface CsvIssue {
  /** 1 is the header line; 0 for the file as a whole. */
  row: number;
  column: string;
  problem: CsvProblem;
}

export const MAX_HELP_POINT_ROWS = 2000;

export function parseHelpPointsCsv(text: string): { points: HelpPoint[]; issues: CsvIssue[] } {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch {
    return { points: [], issues: [{ row: 0, column: "", problem: "unreadable" }] };
  }
  const [header = [], ...body] = rows;
  const normalised = header.map(h => h.toLowerCase().replace(/[\s_]/g, ""));
  const position = {} as Record<Column, number>;
  const issues: CsvIssue[] = [];
  for (const column of Object.keys(HELP_POINT_COLUMNS) as Column[]) {
    const at = normalised.findIndex(h =>
      (HELP_POINT_COLUMNS[column] as readonly string[]).includes(h),
    );
    if (at < 0) issues.push({ row: 1, column, problem: "missing_column" });
    position[column] = at;
  }
  if (issues.length > 0) return { points: [], issues };
  if (body.length > MAX_HELP_POINT_ROWS) {
    return {
      points: [],
      issues: [{ row: MAX_HELP_POINT_ROWS + 2, column: "", problem: "invalid" }],
    };
  }

  const points: HelpPoint[] = [];
  const seen = new Set<string>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (column: Column) => cells[position[column]] ?? "";
    const blank = (Object.keys(HELP_POINT_COLUMNS) as Column[]).filter(c => cell(c) === "");
    for (const column of blank) issues.push({ row, column, problem: "missing" });
    if (blank.length > 0) return;
    const kindText = cell("kind").replace(/\./g, "");
    const parsed = helpPointSchema.safeParse({
      id: cell("id"),
      kind: (HELP_POINT_KINDS as readonly string[]).includes(kindText)
        ? kindText
        : (KIND_WORDS[kindText] ?? kindText),
      name: cell("name"),
      address: cell("address"),
      subDistrictCode: cell("subDistrictCode"),
      location: { latitude: Number(cell("latitude")), longitude: Number(cell("longitude")) },
      phone: cell("phone"),
      hours: cell("hours"),
    });
    if (!parsed.success) {
      const columns = new Set(
        parsed.error.issues.map(issue => {
          const [first, second] = issue.path.map(String);
          return first === "location" ? (second ?? "latitude") : (first ?? "");
        }),
      );
      for (const column of columns) issues.push({ row, column, problem: "invalid" });
      return;
    }
    if (seen.has(parsed.data.id)) {
      issues.push({ row, column: "id", problem: "duplicate_id" });
      return;
    }
    seen.add(parsed.data.id);
    points.push(parsed.data);
  });
  return { points, issues };
}
