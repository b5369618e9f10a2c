import * as z from "zod/mini";
import { areaSchema } from "../area";
import { CASE_CATEGORIES } from "../categories";
import { CASE_STATUSES } from "../case";
import { REGISTRATIONS, ROLES } from "./me";
import { caseSummarySchema, clientIdSchema, textField, userIdSchema } from "./cases";

/** Staff and admin routes of the `api` function: bodies in, answers out. */

/** Unknown query parameters are refused too, like unknown body fields. */
export const queueQuerySchema = z.strictObject({
  status: z.optional(z.enum(CASE_STATUSES)),
  category: z.optional(z.enum(CASE_CATEGORIES)),
  districtCode: z.optional(z.string().check(z.regex(/^\d{4}$/))),
});
export type QueueFilter = z.infer<typeof queueQuerySchema>;

/** Where the next page of the queue starts: "<createdAt>_<ticket>" of the last case shown. */
export const QUEUE_CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)_([0-9A-Za-z-]{1,40})$/;

/** The queue's query: the filter, and `after` for a page after the first. */
export const queuePageQuerySchema = z.extend(queueQuerySchema, {
  after: z.optional(z.string().check(z.regex(QUEUE_CURSOR))),
});

const assigneeSchema = z.object({ userId: z.string(), name: z.string() });

export const queueCaseSchema = z.extend(caseSummarySchema, {
  /** New and past its acknowledgement time. */
  overdue: z.boolean(),
  assignee: z.nullable(assigneeSchema),
});
export type QueueCase = z.infer<typeof queueCaseSchema>;

/**
 * One page of the queue; `next` (null on the last page) is the `after` of the next one. The
 * first page carries every case waiting for triage, up to a cap: `waitingCapped` when more wait.
 */
export const queuePageSchema = z.object({
  cases: z.array(queueCaseSchema),
  next: z.nullable(z.string()),
  waitingCapped: z.boolean(),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

export const assignSchema = z.strictObject({
  clientId: clientIdSchema,
  volunteerUserId: userIdSchema,
});

export const staffStatusSchema = z.strictObject({
  clientId: clientIdSchema,
  status: z.enum(CASE_STATUSES),
  note: z.optional(textField(1000)),
});

export const staffVolunteerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  registration: z.enum(REGISTRATIONS),
  /** Why staff rejected or suspended the registration. */
  registrationReason: z.optional(z.nullable(z.string())),
  area: z.nullable(areaSchema),
  volunteerNumber: z.nullable(z.string()),
});
export type StaffVolunteer = z.infer<typeof staffVolunteerSchema>;

const countsOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map(key => [key, z.number()])) as Record<K, z.ZodMiniNumber>);

export const dashboardSchema = z.object({
  total: z.number(),
  byStatus: countsOf(CASE_STATUSES),
  byCategory: countsOf(CASE_CATEGORIES),
  /** Monday 00:00 Bangkok of each of the last 8 weeks, oldest first. */
  byWeek: z.array(z.object({ weekStart: z.string(), count: z.number() })),
  overdue: z.number(),
  /** Over the latest cases that reached that step (`sampleSize` at most). */
  medianMinutesToAcknowledge: z.nullable(z.number()),
  medianMinutesToResolve: z.nullable(z.number()),
  sampleSize: z.number(),
  /** Unclaimed benefits household visits found, per sub-district (latest visit of each). */
  benefitsFound: z.array(
    z.object({ subDistrictCode: z.string(), subDistrict: z.string(), count: z.number() }),
  ),
  /**
   * Follow-up visits (cases and target households) whose day has passed: the total, and per
   * volunteer and per sub-district, most first. `grouped` < `overdue` when only the oldest
   * were read for the groups.
   */
  followUps: z.object({
    overdue: z.number(),
    grouped: z.number(),
    byVolunteer: z.array(z.object({ userId: z.string(), name: z.string(), count: z.number() })),
    bySubDistrict: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** `routing/{provinceCode}`, plus `routing/default` and `routing/national` (the 1300 centre). */
export const routingEntrySchema = z.object({
  staff: z._default(
    z
      .array(
        z.object({
          userId: z.string().check(z.minLength(1), z.maxLength(64)),
          /** Categories this person handles; none listed means all. */
          categories: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20))),
        }),
      )
      .check(z.maxLength(100)),
    [],
  ),
  /** Told when a case of this province is overdue, before the national centre. */
  escalation: z._default(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50)),
    [],
  ),
  /** Minutes to acknowledge before escalating (a week at most). */
  ackMinutes: z._default(
    z.object({
      urgent: z.number().check(z.positive(), z.maximum(7 * 24 * 60)),
      normal: z.number().check(z.positive(), z.maximum(7 * 24 * 60)),
    }),
    { urgent: 15, normal: 24 * 60 },
  ),
});
export type RoutingEntry = z.infer<typeof routingEntrySchema>;
export const routingRowSchema = z.extend(routingEntrySchema, { id: z.string() });
export type RoutingRow = z.infer<typeof routingRowSchema>;

/**
 * An outbox item as the admin page shows it: why it was sent, for which case, how it went.
 * Never the message's text or its recipient (lock screens, shared phones, PDPA).
 */
export const outboxEntrySchema = z.object({
  id: z.string(),
  status: z.enum(["pending", "sent", "failed"]),
  reason: z.string(),
  ticket: z.nullable(z.string()),
  attempts: z.number(),
  lastError: z.nullable(z.string()),
  createdAt: z.string(),
  /** When it is tried next (pending only). */
  nextAttemptAt: z.nullable(z.string()),
  urgent: z.boolean(),
  /** When the SMS/voice fallback of an urgent item went out. */
  urgentFallbackSentAt: z.nullable(z.string()),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** Staff's decision on a volunteer of their province; the volunteer is told in LINE. */
export const VOLUNTEER_DECISIONS = ["approve", "reject", "suspend"] as const;
export type VolunteerDecision = (typeof VOLUNTEER_DECISIONS)[number];
export const volunteerDecisionSchema = z.strictObject({
  /** Required to reject or suspend: the volunteer reads it. */
  reason: z.optional(z.pipe(textField(500), z.string().check(z.trim(), z.minLength(1)))),
});

/** An admin makes someone staff or admin; staff need a scope (a province or national). */
export const staffAccountSchema = z.strictObject({
  userId: userIdSchema,
  name: z.pipe(textField(100), z.string().check(z.trim(), z.minLength(1))),
  role: z.enum(["staff", "admin"]),
  scope: z.nullable(
    z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("national") }),
      z.strictObject({
        kind: z.literal("province"),
        provinceCode: z.string().check(z.regex(/^\d{2}$/)),
      }),
    ]),
  ),
});
export type StaffAccountRequest = z.infer<typeof staffAccountSchema>;

/** Who is who: a staff or admin account as the people page shows it. */
export const personSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  scope: staffAccountSchema.shape.scope,
  disabled: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;
