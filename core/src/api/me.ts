import { z } from "zod";
import { areaSchema } from "../area";
import { cleanUserText } from "../thai-text";

export const ROLES = ["citizen", "volunteer", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** A volunteer's registration: staff approve, reject or (later) suspend it, with a reason. */
export const REGISTRATIONS = ["none", "pending", "approved", "rejected", "suspended"] as const;
export type Registration = (typeof REGISTRATIONS)[number];

export const registrationSchema = z.strictObject({
  // Printable characters: a name of zero-width or control characters is no name.
  name: z
    .string()
    .trim()
    .max(100)
    .refine(
      name => !/[\u0000-\u001F\u007F]/.test(name) && Array.from(cleanUserText(name)).length >= 2,
      {
        message: "At least 2 visible characters, no control characters",
      },
    ),
  phone: z.string().max(30).describe("Thai phone number"),
  subDistrictCode: z
    .string()
    .regex(/^\d{6}$/)
    .describe("Sub-district of service"),
  volunteerNumber: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N} ./-]{1,30}$/u)
    .describe("อพม. registration number"),
});
export type RegistrationRequest = z.infer<typeof registrationSchema>;

export const meSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  /** For volunteers: "none" until they register, "pending" until staff approve. */
  registration: z.enum(REGISTRATIONS),
  area: areaSchema.nullable(),
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
  answers: z.record(z.string().regex(/^\/api\//), z.unknown()),
});
export type Home = z.infer<typeof homeSchema>;
