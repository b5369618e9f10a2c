import {
  builtOnce,
  categoryKey,
  formatDateTime,
  THAI_TIME_ZONE,
  translator,
  type Case,
} from "@sa/core";

/** Excel opens a UTF-8 CSV as Thai only when it starts with a byte-order mark. */
const BOM = "\uFEFF";

export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote everything that could break a row, and neutralise formulas (CSV injection).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Built once: a CSV export formats two dates on each of thousands of rows. */
const bangkokMinutes = builtOnce(
  locale =>
    new Intl.DateTimeFormat(locale, {
      timeZone: THAI_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
);

/**
 * "2026-11-25 10:30": ISO 8601 order in Bangkok time, which Excel reads as a date and sorts;
 * the Thai display date beside it (Buddhist era, month names) sorts only as text.
 */
export function sortableDateTime(iso: string): string {
  const parts = Object.fromEntries(
    bangkokMinutes("en-CA")
      .formatToParts(new Date(iso))
      .map(part => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * The filtered cases as CSV, in Thai with Buddhist-era dates. No description, no reporter
 * and no phone: an export leaves the system, so it carries what counting and follow-up need.
 * Written as a header, then rows page by page (the export streams).
 */
export function casesCsv(reports: Case[]): string {
  return casesCsvHeader() + casesCsvRows(reports);
}

export function casesCsvHeader(): string {
  const header = [
    "เลขที่เรื่อง",
    "ประเภท",
    "ด่วน",
    "สถานะ",
    "จังหวัด",
    "อำเภอ/เขต",
    "ตำบล/แขวง",
    "วันที่แจ้ง",
    "วันที่แจ้ง (ค.ศ.)",
    "อัปเดตล่าสุด",
    "อัปเดตล่าสุด (ค.ศ.)",
    "ผู้รับเรื่อง",
    "อาสาสมัคร",
  ];
  return BOM + csvLine(header);
}

export function casesCsvRows(reports: Case[]): string {
  const t = translator("th");
  return reports
    .map(r =>
      csvLine([
        r.ticket,
        t(`category.name.${categoryKey(r.category)}`),
        r.urgent ? "ด่วน" : "",
        t(`status.${r.status}`),
        r.location?.area?.province,
        r.location?.area?.district,
        r.location?.area?.subDistrict,
        formatDateTime(r.createdAt, "th"),
        sortableDateTime(r.createdAt),
        formatDateTime(r.updatedAt, "th"),
        sortableDateTime(r.updatedAt),
        r.acknowledgedBy?.name,
        r.assignee?.name,
      ]),
    )
    .join("");
}

function csvLine(cells: (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}
