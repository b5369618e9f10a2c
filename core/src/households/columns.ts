import { TPMAP_DIMENSIONS } from "../api/cases";

/**
 * The columns of a target-household list (docs/HOUSEHOLD-IMPORT.md). Each accepts its Thai and
 * its English header, and a few spellings real lists use; other layouts are mapped by hand on
 * the import page.
 */
export const HOUSEHOLD_COLUMNS = [
  "householdId",
  "houseNumber",
  "village",
  "subDistrict",
  "district",
  "province",
  "headName",
  "members",
  "surveyedAt",
  ...TPMAP_DIMENSIONS,
  "latitude",
  "longitude",
] as const;
export type HouseholdColumn = (typeof HOUSEHOLD_COLUMNS)[number];

/** A row cannot be placed or told apart without these. */
export const REQUIRED_COLUMNS: readonly HouseholdColumn[] = [
  "householdId",
  "houseNumber",
  "village",
  "subDistrict",
  "province",
  "headName",
];

/** The template's own headers: Thai first (the downloadable CSV uses these), then English. */
export const TEMPLATE_HEADERS: Record<HouseholdColumn, { th: string; en: string }> = {
  householdId: { th: "รหัสครัวเรือน", en: "household_id" },
  houseNumber: { th: "บ้านเลขที่", en: "house_number" },
  village: { th: "หมู่ที่", en: "village" },
  subDistrict: { th: "ตำบล", en: "sub_district" },
  district: { th: "อำเภอ", en: "district" },
  province: { th: "จังหวัด", en: "province" },
  headName: { th: "หัวหน้าครัวเรือน", en: "head_of_household" },
  members: { th: "จำนวนสมาชิก", en: "members" },
  surveyedAt: { th: "วันที่สำรวจ", en: "surveyed_at" },
  health: { th: "ด้านสุขภาพ", en: "health" },
  living: { th: "ด้านความเป็นอยู่", en: "living_standard" },
  education: { th: "ด้านการศึกษา", en: "education" },
  income: { th: "ด้านรายได้", en: "income" },
  access: { th: "ด้านการเข้าถึงบริการรัฐ", en: "access_to_services" },
  latitude: { th: "ละติจูด", en: "latitude" },
  longitude: { th: "ลองจิจูด", en: "longitude" },
};

/** Other headers seen on real lists, beyond the template's two. */
const MORE_ALIASES: Partial<Record<HouseholdColumn, string[]>> = {
  householdId: ["รหัสบ้าน", "household id", "hh_id", "id"],
  houseNumber: ["เลขที่", "house no"],
  village: ["หมู่", "ม.", "moo"],
  subDistrict: ["แขวง", "tambon", "subdistrict"],
  district: ["เขต", "amphoe"],
  headName: ["ชื่อหัวหน้าครัวเรือน", "ชื่อ-สกุลหัวหน้าครัวเรือน", "head"],
  members: ["สมาชิก", "จำนวนคน"],
  surveyedAt: ["วันที่", "survey_date"],
  health: ["สุขภาพ"],
  living: ["ความเป็นอยู่", "living"],
  education: ["การศึกษา"],
  income: ["รายได้"],
  access: ["การเข้าถึงบริการรัฐ", "การเข้าถึงบริการ", "access"],
  latitude: ["lat"],
  longitude: ["lng", "lon", "long"],
};

/** Spacing, case and punctuation never decide a header. */
export function headerKey(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_\-.()*:]+/g, "");
}

const BY_KEY = new Map<string, HouseholdColumn>();
for (const column of HOUSEHOLD_COLUMNS) {
  const names = [TEMPLATE_HEADERS[column].th, TEMPLATE_HEADERS[column].en];
  for (const name of [...names, ...(MORE_ALIASES[column] ?? [])])
    BY_KEY.set(headerKey(name), column);
}

/** Column → the header that holds it, as the file names it. */
export type HeaderMapping = Partial<Record<HouseholdColumn, string>>;

/**
 * Which header holds which column: what the person chose on the mapping step first, then the
 * headers we recognise. A chosen header the file does not have is ignored (the missing column
 * is then reported).
 */
export function mapHeaders(headers: readonly string[], chosen: HeaderMapping = {}): HeaderMapping {
  const mapping: HeaderMapping = {};
  const taken = new Set<string>();
  for (const column of HOUSEHOLD_COLUMNS) {
    const header = chosen[column];
    if (header !== undefined && headers.includes(header)) {
      mapping[column] = header;
      taken.add(header);
    }
  }
  for (const header of headers) {
    const column = BY_KEY.get(headerKey(header));
    if (column && mapping[column] === undefined && !taken.has(header)) {
      mapping[column] = header;
      taken.add(header);
    }
  }
  return mapping;
}

/** The downloadable template: Thai headers, then one example row. */
export function templateCsv(): string {
  const header = HOUSEHOLD_COLUMNS.map(c => TEMPLATE_HEADERS[c].th).join(",");
  const example = [
    "CM-0001",
    "12/3",
    "3",
    "ศรีภูมิ",
    "เมืองเชียงใหม่",
    "เชียงใหม่",
    "นางสมศรี ใจดี",
    "4",
    "15/06/2568",
    "1",
    "0",
    "0",
    "1",
    "0",
    "18.7953",
    "98.9862",
  ].join(",");
  return `\uFEFF${header}\r\n${example}\r\n`;
}
