import * as z from "zod/mini";
import { described } from "../described";
import { areaSchema } from "../area";
import { cleanUserText } from "../thai-text";

export const ROLES = ["citizen", "volunteer", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** A volunteer's registration: staff approve, reject or (later) suspend it, with a reason. */
export const REGISTRATIONS = ["none", "pending", "approved", "rejected", "suspended"] as const;
export type Registration = (typeof REGISTRATIONS)[number];

export const registrationSchema = z.strictObject({
  // Printable characters: a name of zero-width or control characters is no name.
  name: z.string().check(
    z.trim(),
    z.maxLength(100),
    z.refine(
      name => !/[\u0000-\u001F\u007F]/.test(name) && Array.from(cleanUserText(name)).length >= 2,
      {
        message: "At least 2 visible characters, no control characters",
      },
    ),
  ),
  phone: described("Thai phone number", z.string().check(z.maxLength(30))),
  subDistrictCode: described("Sub-district of service", z.string().check(z.regex(/^\d{6}$/))),
  volunteerNumber: described(
    "อพม. registration number",
    z.string().check(z.trim(), z.regex(/^[\p{L}\p{N} ./-]{1,30}$/u)),
  ),
});
export type RegistrationRequest = z.infer<typeof registrationSchema>;

export const meSchema = z.object({
  userId: z.string(),
  name: z.nullable(z.string()),
  role: z.enum(ROLES),
  /** For volunteers: "none" until they register, "pending" until staff approve. */
  registration: z.enum(REGISTRATIONS),
  area: z.nullable(areaSchema),
  language: z.enum(["th", "en"]),
});
export type Me = z.infer<typeof meSchema>;

/**
 * GET /api/home: who I am and what my home screen shows first, in one answer, so a phone on a
 * slow link waits one round trip for its home, not two (who am I, then my cases). `answers`
 * holds, for each GET of this API the home makes next (an approved volunteer's `/api/cases`
 * and `/api/households`, staff's first page of `/api/staff/queue`), exactly what that GET
 * answers now; the app takes them instead of asking, and parses each with that GET's schema.
 */
export const homeSchema = z.object({
  me: meSchema,
  answers: z.record(z.string().check(z.regex(/^\/api\//)), z.unknown()),
});
export type Home = z.infer<typeof homeSchema>;
