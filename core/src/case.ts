import * as z from "zod/mini";
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
  path: z.string().check(z.maxLength(300)),
  kind: z.enum(["audio", "video"]),
  /** As LINE gives it, so staff see how long it is before playing it. */
  durationMs: z.int().check(z.minimum(0), z.maximum(24 * 60 * 60_000)),
});
export type CaseMedia = z.infer<typeof caseMediaSchema>;
/** LINE text messages are at most 5000 characters, so a description never needs cutting. */
export const MAX_DESCRIPTION_LENGTH = 5000;

export const geoPointSchema = z.object({
  latitude: z.number().check(z.minimum(-90), z.maximum(90)),
  longitude: z.number().check(z.minimum(-180), z.maximum(180)),
  address: z.optional(z.string().check(z.maxLength(500))),
});

export const caseLocationSchema = z.object({
  point: z.optional(geoPointSchema),
  area: z.optional(areaSchema),
  /** What the citizen typed, kept so staff can read it when the area lookup was unsure. */
  typed: z.optional(z.string().check(z.maxLength(500))),
  /** The area was found from the point alone (nearest sub-district centre), not an address. */
  approximate: z.optional(z.boolean()),
});
export type CaseLocation = z.infer<typeof caseLocationSchema>;

/** The answers a citizen has given so far; every field is optional until confirmation. */
export const reportDraftSchema = z.object({
  category: z.optional(z.enum(CASE_CATEGORIES)),
  description: z.optional(z.string().check(z.maxLength(MAX_DESCRIPTION_LENGTH))),
  location: z.optional(z.nullable(caseLocationSchema)),
  photos: z.optional(z.array(z.string()).check(z.maxLength(MAX_REPORT_PHOTOS))),
  media: z.optional(z.array(caseMediaSchema).check(z.maxLength(MAX_REPORT_MEDIA))),
  phone: z.optional(z.nullable(z.string())),
  consent: z.optional(z.enum(["full", "without_phone"])),
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
  category: z.nullable(z.enum(CASE_CATEGORIES)),
  urgent: z.boolean(),
  description: z.string().check(z.maxLength(MAX_DESCRIPTION_LENGTH)),
  location: z.nullable(caseLocationSchema),
  photos: z.array(z.string()).check(z.maxLength(MAX_REPORT_PHOTOS)),
  /** Voice notes and videos; absent on reports made before they were accepted. */
  media: z.optional(z.array(caseMediaSchema).check(z.maxLength(MAX_REPORT_MEDIA))),
  /**
   * Who reported it. After the citizen asks for their data to be erased ("ลบข้อมูลของฉัน"),
   * `lineUserId` and `phone` are null and `erasedAt` is set: the case is no longer linked to a
   * person, and nobody tells them of it any more. The facts of the case stay (PDPA s.33).
   */
  reporter: z.object({
    lineUserId: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    language: z.enum(["th", "en"]),
    erasedAt: z.optional(z.string()),
  }),
  /** Null for an urgent report held to protect life (`lawfulBasis: "vital_interest"`). */
  consent: z.nullable(
    z.object({
      version: z.string(),
      givenAt: z.string(),
      sharePhone: z.boolean(),
    }),
  ),
  /** Absent on reports from before urgent intake existed: those were all by consent. */
  lawfulBasis: z.optional(z.enum(LAWFUL_BASES)),
  /** Urgent reports only: how far the citizen got, and whether they said the danger is over. */
  intake: z.optional(
    z.object({ state: z.enum(INTAKE_STATES), dangerOver: z.optional(z.boolean()) }),
  ),
  status: z.enum(CASE_STATUSES),
  /** The volunteer working the case, once staff assign one. */
  assignee: z.optional(z.nullable(z.object({ userId: z.string(), name: z.string() }))),
  /**
   * The next visit a volunteer set on their last visit, open until a later visit or the close;
   * `remindedOn` holds the Bangkok dates a reminder was queued (one a day).
   */
  followUp: z.optional(z.nullable(followUpSchema)),
  /**
   * Unclaimed benefits the latest visit found (functions/src/households/count-benefits.ts): a
   * later visit replaces it, and the change goes to its sub-district's `benefitsFound` counter.
   */
  benefitsFound: z.optional(z.int().check(z.minimum(0))),
  /** A volunteer asked staff to step in. */
  needsStaff: z.optional(z.boolean()),
  /**
   * Null until routed: the sweep looks for reports still null a few minutes after creation, so a
   * routing trigger that failed never strands one. Absent on reports from before it existed.
   */
  routedAt: z.optional(z.nullable(z.string())),
  /** Set once by routing: who was told, and when the next escalation step is due. */
  routing: z.optional(
    z.object({
      source: z.string(),
      recipients: z.array(z.string()),
      escalation: z.array(z.string()),
      /** Urgent reports: the roster's backups for the people on duty. */
      backup: z.optional(z.array(z.string())),
      /** Everyone told of the case so far: they hear of what the citizen adds. */
      alerted: z.optional(z.array(z.string())),
      /** When the case should have been taken: its deadline, for "overdue" in lists. */
      ackDueAt: z.string(),
      /** When the next escalation step is due while nobody has taken it; null after the last. */
      nextStepAt: z.optional(z.nullable(z.string())),
      /** How many escalation steps were taken (see functions/src/cases/escalation-ladder.ts). */
      escalationLevel: z.int().check(z.minimum(0), z.maximum(10)),
    }),
  ),
  /** Times the sweep failed to route it; after a few, the national centre is alerted. */
  routingFailures: z.optional(z.int().check(z.minimum(0))),
  resolvedAt: z.optional(z.string()),
  acknowledgedBy: z.optional(z.object({ userId: z.string(), name: z.string(), at: z.string() })),
  feedback: z.optional(
    z.object({
      solved: z.optional(z.boolean()),
      rating: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
    }),
  ),
  /**
   * When the retention sweep deleted the photos of the closed case (`photos` emptied then).
   * Null until then (written on creation so the sweep can query it); absent on older reports.
   */
  photosRemovedAt: z.optional(z.nullable(z.string())),
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
