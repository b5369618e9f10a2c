import * as z from "zod/mini";
import { textField } from "../api/cases";
import { SUB_DISTRICT_CENTRES, insideThailandBounds } from "../address/subdistrict-centres";
import { parseThaiPhone } from "../phone";

import { HELP_POINT_KINDS } from "./help-point-view";

/** A short id an admin can read and type: `cm-si-phum`, `50-office`. */
export const helpPointIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

/** 1300 (the ministry's hotline) and other 4-digit hotlines, or a Thai phone number. */
export const helpPointPhoneSchema = z.pipe(
  z.string().check(z.maxLength(30)),
  z.transform((value, ctx) => {
    const trimmed = value.trim();
    if (/^1\d{3}$/.test(trimmed)) return trimmed;
    const phone = parseThaiPhone(trimmed);
    if (phone) return phone;
    ctx.issues.push({
      code: "custom",
      message: "Not a Thai phone number or hotline",
      input: value,
    });
    return z.NEVER;
  }),
);

export const helpPointLocationSchema = z
  .strictObject({
    latitude: z.number().check(z.minimum(-90), z.maximum(90)),
    longitude: z.number().check(z.minimum(-180), z.maximum(180)),
  })
  .check(
    z.refine(l => insideThailandBounds(l.latitude, l.longitude), { message: "Not in Thailand" }),
  );

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
  name: z.pipe(textField(120), z.string().check(z.trim(), z.minLength(1))),
  address: z.pipe(textField(300), z.string().check(z.trim(), z.minLength(1))),
  subDistrictCode: z
    .string()
    .check(z.regex(/^\d{6}$/), z.refine(isKnownSubDistrict, { message: "Unknown sub-district" })),
  location: helpPointLocationSchema,
  phone: helpPointPhoneSchema,
  /** As people say it: "จันทร์–ศุกร์ 08:30–16:30", "ทุกวัน 24 ชั่วโมง". */
  hours: z.pipe(textField(120), z.string().check(z.trim(), z.minLength(1))),
  /** Seeded for the demo: not a real office's details. */
  demo: z._default(z.boolean(), false),
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
