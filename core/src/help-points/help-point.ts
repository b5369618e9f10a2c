import { z } from "zod";
import { textField } from "../api/cases";
import { SUB_DISTRICT_CENTRES, insideThailandBounds } from "../address/subdistrict-centres";
import { parseThaiPhone } from "../phone";

import { HELP_POINT_KINDS } from "./help-point-view";

/** A short id an admin can read and type: `cm-si-phum`, `50-office`. */
export const helpPointIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** 1300 (the ministry's hotline) and other 4-digit hotlines, or a Thai phone number. */
export const helpPointPhoneSchema = z
  .string()
  .max(30)
  .transform((value, ctx) => {
    const trimmed = value.trim();
    if (/^1\d{3}$/.test(trimmed)) return trimmed;
    const phone = parseThaiPhone(trimmed);
    if (phone) return phone;
    ctx.addIssue({ code: "custom", message: "Not a Thai phone number or hotline" });
    return z.NEVER;
  });

export const helpPointLocationSchema = z
  .strictObject({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  })
  .refine(l => insideThailandBounds(l.latitude, l.longitude), { message: "Not in Thailand" });

let knownCodes: Set<string> | undefined;
/** A sub-district of the 2018 table (the same codes reports and volunteers carry). */
function isKnownSubDistrict(code: string): boolean {
  knownCodes ??= new Set(SUB_DISTRICT_CENTRES.map(c => c.subDistrictCode));
  return knownCodes.has(code);
}

/** One help point as admins write it (API body and CSV row) and as it is stored. */
export const helpPointSchema = z.strictObject({
  id: helpPointIdSchema,
  kind: z.enum(HELP_POINT_KINDS),
  name: textField(120).pipe(z.string().trim().min(1)),
  address: textField(300).pipe(z.string().trim().min(1)),
  subDistrictCode: z
    .string()
    .regex(/^\d{6}$/)
    .refine(isKnownSubDistrict, { message: "Unknown sub-district" }),
  location: helpPointLocationSchema,
  phone: helpPointPhoneSchema,
  /** As people say it: "จันทร์–ศุกร์ 08:30–16:30", "ทุกวัน 24 ชั่วโมง". */
  hours: textField(120).pipe(z.string().trim().min(1)),
  /** Seeded for the demo: not a real office's details. */
  demo: z.boolean().default(false),
});
export type HelpPointInput = z.input<typeof helpPointSchema>;
export type HelpPoint = z.output<typeof helpPointSchema>;

/** The province a help point serves, from its sub-district code. */
export function provinceOfHelpPoint(point: Pick<HelpPoint, "subDistrictCode">): string {
  return point.subDistrictCode.slice(0, 2);
}

/** A map link that opens in the phone's map app (Google Maps' documented search URL). */
export function helpPointMapUrl(point: Pick<HelpPoint, "location">): string {
  const { latitude, longitude } = point.location;
  return `https://www.google.com/maps/search/?api=1&query=${latitude},${longitude}`;
}
