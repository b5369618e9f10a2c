import { z } from "zod";
import { areaSchema, eligibilityRequestSchema, reportDraftSchema } from "@sa/core";

/** A conversation left alone this long is dropped, with a polite word on the next message. */
export const SESSION_TTL_MS = 30 * 60 * 1000;
/** How long a cancelled report can be brought back. */
export const UNDO_CANCEL_MS = 60 * 1000;

export const REPORT_STEPS = [
  /** Story first: what was typed or sent outside any flow, and "report this?" asked. */
  "offer",
  "category",
  "description",
  "location",
  "photos",
  "phone",
  /** Sessions saved before consent joined the summary; read as "confirm". */
  "consent",
  "confirm",
  "edit",
] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/**
 * The danger path: the urgent report exists from the first answer; each step adds to it.
 * Place first (responders need it), then what happened, what it is about, a number to call.
 */
export const URGENT_STEPS = ["location", "description", "category", "phone"] as const;
export type UrgentStep = (typeof URGENT_STEPS)[number];

/** Where the welfare interview stands: kept after each answer so "back" can undo one step. */
const welfareSnapshotSchema = z.object({
  /** "interest", a profile field such as "age", "childBirthDate", "moreChildren". */
  step: z.string(),
  /** Which benefits the person asked about ("all", "elderly", ...). */
  interest: z.string().optional(),
  /** The answers so far; they live only as long as the session. */
  profile: eligibilityRequestSchema,
  /** Fields answered "ไม่ทราบ": not asked again, left unknown in the result. */
  skipped: z.array(z.string().max(60)).max(40).optional(),
  /** The fields the current list question shows ("ไม่มีเลย" answers all of them). */
  shown: z.array(z.string().max(60)).max(12).optional(),
  /** The list's answer about children in care homes; "none" holds for every child named. */
  childCareHome: z.enum(["none", "some"]).optional(),
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
    /**
     * Set by "ยกเลิก": the draft (and its files) is kept, at its step, only until `expiresAt`,
     * one minute on, so "เอาเรื่องกลับมา" can bring it back; then the sweep deletes it.
     */
    cancelled: z.boolean().optional(),
    expiresAt: z.string(),
  }),
  z.object({
    flow: z.literal("urgent"),
    ticket: z.string().max(40),
    step: z.enum(URGENT_STEPS),
    /** Set after "ยกเลิก": we asked whether everyone is safe now, and come back here if not. */
    askingSafe: z.boolean().optional(),
    /** Answers given, so a step already answered (before the danger tap) is not asked again. */
    answered: z.array(z.enum(URGENT_STEPS)).max(URGENT_STEPS.length),
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
export type UrgentSession = Extract<Session, { flow: "urgent" }>;

export const IDLE: Session = { flow: "idle" };

/** The session with its 30 minutes started again from `now`: every answer keeps it alive. */
export function renewed<S extends { expiresAt: string }>(session: S, clock: { now: Date }): S {
  return { ...session, expiresAt: new Date(clock.now.getTime() + SESSION_TTL_MS).toISOString() };
}
