import { z } from "zod";
import { REPORT_CATEGORIES } from "./categories";
import { areaSchema } from "./area";

/** Case status, as in the design: new → acknowledged → assigned → in_progress → (referred) → resolved → closed. */
export const REPORT_STATUSES = [
  "new",
  "acknowledged",
  "assigned",
  "in_progress",
  "referred",
  "resolved",
  "closed",
  "reopened",
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const MAX_REPORT_PHOTOS = 3;
/** LINE text messages are at most 5000 characters, so a description never needs cutting. */
export const MAX_DESCRIPTION_LENGTH = 5000;

export const geoPointSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: z.string().max(500).optional(),
});

export const reportLocationSchema = z.object({
  point: geoPointSchema.optional(),
  area: areaSchema.optional(),
  /** What the citizen typed, kept so staff can read it when the area lookup was unsure. */
  typed: z.string().max(500).optional(),
  /** The area was found from the point alone (nearest sub-district centre), not an address. */
  approximate: z.boolean().optional(),
});
export type ReportLocation = z.infer<typeof reportLocationSchema>;

/** The answers a citizen has given so far; every field is optional until confirmation. */
export const reportDraftSchema = z.object({
  category: z.enum(REPORT_CATEGORIES).optional(),
  urgent: z.boolean().optional(),
  description: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
  location: reportLocationSchema.nullable().optional(),
  photos: z.array(z.string()).max(MAX_REPORT_PHOTOS).optional(),
  phone: z.string().nullable().optional(),
  consent: z.enum(["full", "without_phone"]).optional(),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

/** A confirmed report, as stored in `reports/{ticket}`. */
export const reportSchema = z.object({
  ticket: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  urgent: z.boolean(),
  description: z.string().max(MAX_DESCRIPTION_LENGTH),
  location: reportLocationSchema.nullable(),
  photos: z.array(z.string()).max(MAX_REPORT_PHOTOS),
  reporter: z.object({
    lineUserId: z.string(),
    phone: z.string().nullable(),
    language: z.enum(["th", "en"]),
  }),
  consent: z.object({
    version: z.string(),
    givenAt: z.string(),
    sharePhone: z.boolean(),
  }),
  status: z.enum(REPORT_STATUSES),
  /** The volunteer working the case, once staff assign one. */
  assignee: z.object({ userId: z.string(), name: z.string() }).nullable().optional(),
  /** A volunteer asked staff to step in. */
  needsStaff: z.boolean().optional(),
  /** Set once by the routing trigger: who was told, and when acknowledgement is due. */
  routing: z
    .object({
      source: z.string(),
      recipients: z.array(z.string()),
      escalation: z.array(z.string()),
      ackDueAt: z.string(),
      /** 0: nobody escalated yet; 1: province contacts told; 2: national centre told. */
      escalationLevel: z.number().int().min(0).max(2),
    })
    .optional(),
  resolvedAt: z.string().optional(),
  acknowledgedBy: z.object({ userId: z.string(), name: z.string(), at: z.string() }).optional(),
  feedback: z
    .object({ solved: z.boolean().optional(), rating: z.number().int().min(1).max(5).optional() })
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Report = z.infer<typeof reportSchema>;
