import { z } from "zod";
import { areaSchema, eligibilityRequestSchema, reportDraftSchema } from "@sa/core";

/** A conversation left alone this long is dropped, with a polite word on the next message. */
export const SESSION_TTL_MS = 30 * 60 * 1000;

export const REPORT_STEPS = [
  "category",
  "danger",
  "description",
  "location",
  "photos",
  "phone",
  "consent",
  "confirm",
  "edit",
] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/** Where the welfare interview stands: kept after each answer so "back" can undo one step. */
const welfareSnapshotSchema = z.object({
  /** "interest", a profile field such as "age", "childBirthDate", "moreChildren". */
  step: z.string(),
  /** Which benefits the person asked about ("all", "elderly", ...). */
  interest: z.string().optional(),
  /** The answers so far; they live only as long as the session. */
  profile: eligibilityRequestSchema,
});

export const sessionSchema = z.discriminatedUnion("flow", [
  z.object({ flow: z.literal("idle") }),
  z.object({
    flow: z.literal("report"),
    step: z.enum(REPORT_STEPS),
    draft: reportDraftSchema,
    /** Set while changing one answer from the summary: go back to the summary after it. */
    editing: z.boolean().optional(),
    /** Areas offered when a typed place matched several. */
    areaChoices: z.array(areaSchema).optional(),
    expiresAt: z.string(),
  }),
  welfareSnapshotSchema.extend({
    flow: z.literal("welfare"),
    history: z.array(welfareSnapshotSchema).max(20),
    expiresAt: z.string(),
  }),
]);
export type Session = z.infer<typeof sessionSchema>;
export type ReportSession = Extract<Session, { flow: "report" }>;
export type WelfareSession = Extract<Session, { flow: "welfare" }>;

export const IDLE: Session = { flow: "idle" };

/** The session with its 30 minutes started again from `now`: every answer keeps it alive. */
export function renewed<S extends { expiresAt: string }>(session: S, clock: { now: Date }): S {
  return { ...session, expiresAt: new Date(clock.now.getTime() + SESSION_TTL_MS).toISOString() };
}
