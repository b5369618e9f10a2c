import * as z from "zod/mini";

import { HOUSEHOLD_COLUMNS } from "../households/columns";

import { IMPORT_PROBLEMS } from "../households/validate";
import { clientIdSchema, textField, userIdSchema } from "./cases";

/** Target-household routes: list import, assignment, visits, progress. */

/** A list of 20,000 rows is about 3 MB; base64 adds a third. */
export const MAX_IMPORT_FILE_CHARS = 5_600_000;

const mappingSchema = z.partialRecord(z.enum(HOUSEHOLD_COLUMNS), textField(200));

export const importPreviewSchema = z.strictObject({
  fileName: textField(200).check(z.minLength(1)),
  /** The file's bytes, base64: a .xlsx or a CSV. */
  content: z
    .string()
    .check(z.maxLength(MAX_IMPORT_FILE_CHARS), z.regex(/^[A-Za-z0-9+/=\r\n]*$/, "Not base64")),
  /** Header chosen for a column where the list names it differently. */
  mapping: z.optional(mappingSchema),
});
export type ImportPreviewRequest = z.infer<typeof importPreviewSchema>;

export const importRequestSchema = z.extend(importPreviewSchema, {
  /** The import job's id, made on the phone, so the page can poll it while it runs. */
  clientId: clientIdSchema,
});

export const importProblemSchema = z.object({
  row: z.number(),
  column: z.string(),
  code: z.enum(IMPORT_PROBLEMS),
  value: z.string(),
  suggestion: z.optional(z.string()),
  firstRow: z.optional(z.number()),
});
export type ImportProblemView = z.infer<typeof importProblemSchema>;

/** At most this many problems are listed; `problemCount` says how many there are. */
export const MAX_LISTED_PROBLEMS = 1000;

export const importPreviewResponseSchema = z.object({
  headers: z.array(z.string()),
  mapping: mappingSchema,
  missing: z.array(z.enum(HOUSEHOLD_COLUMNS)),
  rowCount: z.number(),
  validCount: z.number(),
  problemCount: z.number(),
  problems: z.array(importProblemSchema),
});
export type ImportPreview = z.infer<typeof importPreviewResponseSchema>;

export const importJobViewSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "done"]),
  total: z.number(),
  written: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
});
export type ImportJobView = z.infer<typeof importJobViewSchema>;

export const assignHouseholdsSchema = z.strictObject({
  subDistrictCode: z.string().check(z.regex(/^\d{6}$/)),
  /** หมู่ที่; without it, the whole sub-district. */
  village: z.optional(z.int().check(z.minimum(1), z.maximum(99))),
  volunteerUserId: userIdSchema,
});
export type AssignHouseholdsRequest = z.infer<typeof assignHouseholdsSchema>;

export const progressRowSchema = z.object({
  subDistrictCode: z.string(),
  subDistrict: z.string(),
  /** Null on a sub-district's own total row. */
  village: z.nullable(z.number()),
  total: z.number(),
  visited: z.number(),
  remaining: z.number(),
  /** Visited households where the visit found a need on some dimension. */
  needsFound: z.number(),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

export const householdProgressSchema = z.object({ rows: z.array(progressRowSchema) });
