import * as z from "zod/mini";

/** An administrative area, as specific as we know it: province, then district, then sub-district. */
export const areaSchema = z.object({
  provinceCode: z.string().check(z.regex(/^\d{2}$/)),
  province: z.string(),
  provinceEn: z.optional(z.string()),
  districtCode: z.optional(z.string().check(z.regex(/^\d{4}$/))),
  district: z.optional(z.string()),
  subDistrictCode: z.optional(z.string().check(z.regex(/^\d{6}$/))),
  subDistrict: z.optional(z.string()),
});
export type Area = z.infer<typeof areaSchema>;
