import { z } from "zod";
import { areaSchema, reportDraftSchema } from "@sa/core";

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
]);
export type Session = z.infer<typeof sessionSchema>;
export type ReportSession = Extract<Session, { flow: "report" }>;

export const IDLE: Session = { flow: "idle" };
