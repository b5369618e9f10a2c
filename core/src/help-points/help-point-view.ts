import * as z from "zod/mini";

/**
 * Where a person can go for help in person: the sub-district one-stop centre
 * (ศูนย์ช่วยเหลือสังคมตำบล), the provincial social development office (พมจ.), a shelter.
 */
export const HELP_POINT_KINDS = ["one_stop_centre", "provincial_office", "shelter"] as const;
export type HelpPointKind = (typeof HELP_POINT_KINDS)[number];

/**
 * A help point as the API answers it. The checks on what is written (known sub-district, Thai
 * phone) are in help-point.ts, which needs the sub-district table: the LIFF page only reads.
 */
export const helpPointViewSchema = z.object({
  id: z.string(),
  kind: z.enum(HELP_POINT_KINDS),
  name: z.string(),
  address: z.string(),
  subDistrictCode: z.string(),
  location: z.object({ latitude: z.number(), longitude: z.number() }),
  phone: z.string(),
  hours: z.string(),
  demo: z.boolean(),
});
export type HelpPointView = z.infer<typeof helpPointViewSchema>;

export const helpPointImportResultSchema = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  dryRun: z.optional(z.boolean()),
});
export type HelpPointImportResult = z.infer<typeof helpPointImportResultSchema>;
