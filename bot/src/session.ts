import * as z from "zod/mini";
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
  interest: z.optional(z.string()),
  /** The answers so far; they live only as long as the session. */
  profile: eligibilityRequestSchema,
  /** Fields answered "ไม่ทราบ": not asked again, left unknown in the result. */
  skipped: z.optional(z.array(z.string().check(z.maxLength(60))).check(z.maxLength(40))),
  /** The fields the current list question shows ("ไม่มีเลย" answers all of them). */
  shown: z.optional(z.array(z.string().check(z.maxLength(60))).check(z.maxLength(12))),
  /** The list's answer about children in care homes; "none" holds for every child named. */
  childCareHome: z.optional(z.enum(["none", "some"])),
});

export const sessionSchema = z.discriminatedUnion("flow", [
  z.object({ flow: z.literal("idle") }),
  z.object({
    flow: z.literal("report"),
    step: z.enum(REPORT_STEPS),
    draft: reportDraftSchema,
    /** Set while changing one answer from the summary: go back to the summary after it. */
    editing: z.optional(z.boolean()),
    /** Areas offered when a typed place matched several. */
    areaChoices: z.optional(z.array(areaSchema)),
    /**
     * Set by "ยกเลิก": the draft (and its files) is kept, at its step, only until `expiresAt`,
     * one minute on, so "เอาเรื่องกลับมา" can bring it back; then the sweep deletes it.
     */
    cancelled: z.optional(z.boolean()),
    expiresAt: z.string(),
  }),
  z.object({
    flow: z.literal("urgent"),
    ticket: z.string().check(z.maxLength(40)),
    step: z.enum(URGENT_STEPS),
    /** Set after "ยกเลิก": we asked whether everyone is safe now, and come back here if not. */
    askingSafe: z.optional(z.boolean()),
    /** Answers given, so a step already answered (before the danger tap) is not asked again. */
    answered: z.array(z.enum(URGENT_STEPS)).check(z.maxLength(URGENT_STEPS.length)),
    expiresAt: z.string(),
  }),
  z.extend(welfareSnapshotSchema, {
    flow: z.literal("welfare"),
    history: z.array(welfareSnapshotSchema).check(z.maxLength(20)),
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
