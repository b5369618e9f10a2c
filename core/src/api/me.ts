import { z } from "zod";
import { areaSchema } from "../area";

export const ROLES = ["citizen", "volunteer", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const registrationSchema = z.strictObject({
  name: z.string().trim().min(2).max(100),
  phone: z.string().max(30).describe("Thai phone number"),
  subDistrictCode: z
    .string()
    .regex(/^\d{6}$/)
    .describe("Sub-district of service"),
  volunteerNumber: z.string().trim().min(1).max(30).describe("อพม. registration number"),
});
export type RegistrationRequest = z.infer<typeof registrationSchema>;

export const meSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  /** For volunteers: "none" until they register, "pending" until staff approve. */
  registration: z.enum(["none", "pending", "approved", "rejected"]),
  area: areaSchema.nullable(),
  language: z.enum(["th", "en"]),
});
export type Me = z.infer<typeof meSchema>;
