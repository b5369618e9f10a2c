import { z } from "zod";

/** An administrative area, as specific as we know it: province, then district, then sub-district. */
export const areaSchema = z.object({
  provinceCode: z.string().regex(/^\d{2}$/),
  province: z.string(),
  provinceEn: z.string().optional(),
  districtCode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  district: z.string().optional(),
  subDistrictCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  subDistrict: z.string().optional(),
});
export type Area = z.infer<typeof areaSchema>;
