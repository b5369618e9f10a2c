import type { NextStep } from "./api/entries";
import { bangkokDate } from "./dates";
import type { FollowUp } from "./follow-up";

/**
 * The one rule of follow-ups, for cases and target households alike: a visit ends with a next
 * step, a follow-up date opens (or moves) the record's follow-up and "none" ends it; a
 * follow-up is overdue from the Bangkok day after its date; the volunteer is reminded the day
 * before and on the day.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a next step cannot be taken, for the request's `nextStep.date`; undefined when it can. */
export function nextStepProblem(nextStep: NextStep, visitedAt: string): string | undefined {
  return nextStep.kind === "follow_up" && nextStep.date < bangkokDate(new Date(visitedAt))
    ? "The follow-up cannot be before the visit"
    : undefined;
}

/** The follow-up a visit leaves open: null when no follow-up is needed. */
export function followUpAfter(
  nextStep: NextStep,
  volunteer: { userId: string; name?: string | null | undefined },
): FollowUp | null {
  if (nextStep.kind === "none") return null;
  return {
    due: nextStep.date,
    volunteerUserId: volunteer.userId,
    ...(volunteer.name && { volunteerName: volunteer.name }),
    remindedOn: [],
  };
}

/**
 * Overdue once its day has passed in Bangkok: a follow-up due before `bangkokDate(now)` (the
 * dashboard's queries ask Firestore the same: `followUp.due < today`).
 */
export function isFollowUpOverdue(followUp: FollowUp | null | undefined, now: Date): boolean {
  return !!followUp && followUp.due < bangkokDate(now);
}

/** The Bangkok dates a reminder goes for: today (the day itself) and tomorrow (the day before). */
export function reminderDates(now: Date): { today: string; tomorrow: string } {
  return { today: bangkokDate(now), tomorrow: bangkokDate(new Date(now.getTime() + DAY_MS)) };
}

/** Which reminder a follow-up gets now, if any: none twice a day, none once it is past. */
export function reminderDue(followUp: FollowUp, now: Date): "today" | "tomorrow" | undefined {
  const { today, tomorrow } = reminderDates(now);
  if (followUp.remindedOn.includes(today)) return undefined;
  if (followUp.due === today) return "today";
  if (followUp.due === tomorrow) return "tomorrow";
  return undefined;
}
