import { categoryKey, formatDateTime, translator, type Report } from "@sa/core";

/** Excel opens a UTF-8 CSV as Thai only when it starts with a byte-order mark. */
const BOM = "\uFEFF";

export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote everything that could break a row, and neutralise formulas (CSV injection).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The filtered cases as CSV, in Thai with Buddhist-era dates. No description, no reporter
 * and no phone: an export leaves the system, so it carries what counting and follow-up need.
 */
export function casesCsv(reports: Report[]): string {
  const t = translator("th");
  const header = [
    "เลขที่เรื่อง",
    "ประเภท",
    "ด่วน",
    "สถานะ",
    "จังหวัด",
    "อำเภอ/เขต",
    "ตำบล/แขวง",
    "วันที่แจ้ง",
    "อัปเดตล่าสุด",
    "ผู้รับเรื่อง",
    "อาสาสมัคร",
  ];
  const rows = reports.map(r => [
    r.ticket,
    t(`category.name.${categoryKey(r.category)}`),
    r.urgent ? "ด่วน" : "",
    t(`status.${r.status}`),
    r.location?.area?.province,
    r.location?.area?.district,
    r.location?.area?.subDistrict,
    formatDateTime(r.createdAt, "th"),
    formatDateTime(r.updatedAt, "th"),
    r.acknowledgedBy?.name,
    r.assignee?.name,
  ]);
  return BOM + [header, ...rows].map(row => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
