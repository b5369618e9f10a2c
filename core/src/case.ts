import { z } from "zod";
import { CASE_CATEGORIES, type CaseCategory } from "./categories";
import { areaSchema } from "./area";
import { followUpSchema } from "./follow-up";

/** Case status, as in the design: new → acknowledged → assigned → in_progress → (referred) → resolved → closed. */
export const CASE_STATUSES = [
  "new",
  "acknowledged",
  "assigned",
  "in_progress",
  "referred",
  "resolved",
  "closed",
  "reopened",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const MAX_REPORT_PHOTOS = 3;
/** Voice notes and videos a report may carry, besides its photos. */
export const MAX_REPORT_MEDIA = 3;

/** A voice note (the story told aloud) or a video (evidence), kept in the photo store. */
export const caseMediaSchema = z.object({
  path: z.string().max(300),
  kind: z.enum(["audio", "video"]),
  /** As LINE gives it, so staff see how long it is before playing it. */
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60_000),
});
export type CaseMedia = z.infer<typeof caseMediaSchema>;
/** LINE text messages are at most 5000 characters, so a description never needs cutting. */
export const MAX_DESCRIPTION_LENGTH = 5000;

export const geoPointSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: z.string().max(500).optional(),
});

export const caseLocationSchema = z.object({
  point: geoPointSchema.optional(),
  area: areaSchema.optional(),
  /** What the citizen typed, kept so staff can read it when the area lookup was unsure. */
  typed: z.string().max(500).optional(),
  /** The area was found from the point alone (nearest sub-district centre), not an address. */
  approximate: z.boolean().optional(),
});
export type CaseLocation = z.infer<typeof caseLocationSchema>;

/** The answers a citizen has given so far; every field is optional until confirmation. */
export const reportDraftSchema = z.object({
  category: z.enum(CASE_CATEGORIES).optional(),
  description: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
  location: caseLocationSchema.nullable().optional(),
  photos: z.array(z.string()).max(MAX_REPORT_PHOTOS).optional(),
  media: z.array(caseMediaSchema).max(MAX_REPORT_MEDIA).optional(),
  phone: z.string().nullable().optional(),
  consent: z.enum(["full", "without_phone"]).optional(),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

/**
 * Why we may hold a report: the citizen's consent (every ordinary report), or — for an urgent
 * report opened the moment someone says a person is in danger — protecting life and the
 * ministry's public task (PDPA s.24(2) and s.24(4); see docs/PRIVACY.md).
 */
export const LAWFUL_BASES = ["consent", "vital_interest"] as const;

/**
 * How far the citizen got in telling an urgent report: it exists from the danger answer on,
 * and fills in as they answer. "stopped": they left (or the session ran out) before the end —
 * staff see "ผู้แจ้งยังให้ข้อมูลไม่ครบ".
 */
export const INTAKE_STATES = ["collecting", "stopped", "complete"] as const;
export type IntakeState = (typeof INTAKE_STATES)[number];

/** A report, as stored in `cases/{ticket}`. */
export const caseSchema = z.object({
  ticket: z.string(),
  /** Null only while an urgent report's citizen has not said what it is about. */
  category: z.enum(CASE_CATEGORIES).nullable(),
  urgent: z.boolean(),
  description: z.string().max(MAX_DESCRIPTION_LENGTH),
  location: caseLocationSchema.nullable(),
  photos: z.array(z.string()).max(MAX_REPORT_PHOTOS),
  /** Voice notes and videos; absent on reports made before they were accepted. */
  media: z.array(caseMediaSchema).max(MAX_REPORT_MEDIA).optional(),
  /**
   * Who reported it. After the citizen asks for their data to be erased ("ลบข้อมูลของฉัน"),
   * `lineUserId` and `phone` are null and `erasedAt` is set: the case is no longer linked to a
   * person, and nobody tells them of it any more. The facts of the case stay (PDPA s.33).
   */
  reporter: z.object({
    lineUserId: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.enum(["th", "en"]),
    erasedAt: z.string().optional(),
  }),
  /** Null for an urgent report held to protect life (`lawfulBasis: "vital_interest"`). */
  consent: z
    .object({
      version: z.string(),
      givenAt: z.string(),
      sharePhone: z.boolean(),
    })
    .nullable(),
  /** Absent on reports from before urgent intake existed: those were all by consent. */
  lawfulBasis: z.enum(LAWFUL_BASES).optional(),
  /** Urgent reports only: how far the citizen got, and whether they said the danger is over. */
  intake: z.object({ state: z.enum(INTAKE_STATES), dangerOver: z.boolean().optional() }).optional(),
  status: z.enum(CASE_STATUSES),
  /** The volunteer working the case, once staff assign one. */
  assignee: z.object({ userId: z.string(), name: z.string() }).nullable().optional(),
  /**
   * The next visit a volunteer set on their last visit, open until a later visit or the close;
   * `remindedOn` holds the Bangkok dates a reminder was queued (one a day).
   */
  followUp: followUpSchema.nullable().optional(),
  /**
   * Unclaimed benefits the latest visit found (functions/src/households/count-benefits.ts): a
   * later visit replaces it, and the change goes to its sub-district's `benefitsFound` counter.
   */
  benefitsFound: z.number().int().min(0).optional(),
  /** A volunteer asked staff to step in. */
  needsStaff: z.boolean().optional(),
  /**
   * Null until routed: the sweep looks for reports still null a few minutes after creation, so a
   * routing trigger that failed never strands one. Absent on reports from before it existed.
   */
  routedAt: z.string().nullable().optional(),
  /** Set once by routing: who was told, and when the next escalation step is due. */
  routing: z
    .object({
      source: z.string(),
      recipients: z.array(z.string()),
      escalation: z.array(z.string()),
      /** Urgent reports: the roster's backups for the people on duty. */
      backup: z.array(z.string()).optional(),
      /** Everyone told of the case so far: they hear of what the citizen adds. */
      alerted: z.array(z.string()).optional(),
      /** When the case should have been taken: its deadline, for "overdue" in lists. */
      ackDueAt: z.string(),
      /** When the next escalation step is due while nobody has taken it; null after the last. */
      nextStepAt: z.string().nullable().optional(),
      /** How many escalation steps were taken (see functions/src/cases/escalation-ladder.ts). */
      escalationLevel: z.number().int().min(0).max(10),
    })
    .optional(),
  /** Times the sweep failed to route it; after a few, the national centre is alerted. */
  routingFailures: z.number().int().min(0).optional(),
  resolvedAt: z.string().optional(),
  acknowledgedBy: z.object({ userId: z.string(), name: z.string(), at: z.string() }).optional(),
  feedback: z
    .object({ solved: z.boolean().optional(), rating: z.number().int().min(1).max(5).optional() })
    .optional(),
  /**
   * When the retention sweep deleted the photos of the closed case (`photos` emptied then).
   * Null until then (written on creation so the sweep can query it); absent on older reports.
   */
  photosRemovedAt: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof caseSchema>;

/** The catalog key's last part for a report's category: "unspecified" until the citizen says. */
export function categoryKey(category: Case["category"]): CaseCategory | "unspecified" {
  return category ?? "unspecified";
}

/**
 * Whether staff may see the reporter's phone: when they agreed to share it, or when they gave
 * it on the danger path, where it is how responders reach them.
 */
export function reporterPhoneForStaff(report: Case): string | null {
  const shared = report.consent?.sharePhone || report.lawfulBasis === "vital_interest";
  return shared ? report.reporter.phone : null;
}
