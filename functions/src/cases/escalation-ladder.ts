/**
 * Who else hears of a case nobody has taken, and when — the one place that says so.
 *
 * An ordinary case waits for its deadline (24 h by default, per routing entry), then goes to
 * the province's escalation contacts, and one deadline later to the 1300 centre.
 *
 * An urgent case (someone in danger) cannot wait: it goes to the person on duty at once; after
 * 5 minutes untaken to the roster's backup, with the second channel (SMS) to everyone alerted
 * so far; after 10 to the 1300 centre, and the citizen hears the centre has it; at its deadline
 * (15 minutes by default) to the province's escalation contacts.
 *
 * A step with nobody to tell is passed over; each step is taken once (the sweep re-reads the
 * case in a transaction and counts steps in `routing.escalationLevel`).
 */

export type Audience = "backup" | "escalation" | "national";

export interface LadderStep {
  /** Minutes after the case was created. */
  afterMinutes: number;
  audience: Audience;
  /** Also send through the second channel (SMS) to everyone alerted, this step included. */
  secondChannel: boolean;
  /** Tell the citizen that the 1300 centre has their case. */
  tellCitizen: boolean;
}

export const BACKUP_AFTER_MINUTES = 5;
export const CENTRE_AFTER_MINUTES = 10;

export function ladderFor(urgent: boolean, deadlineMinutes: number): LadderStep[] {
  const step = (afterMinutes: number, audience: Audience, flags: Partial<LadderStep> = {}) => ({
    afterMinutes,
    audience,
    secondChannel: false,
    tellCitizen: false,
    ...flags,
  });
  if (!urgent) {
    return [step(deadlineMinutes, "escalation"), step(2 * deadlineMinutes, "national")];
  }
  return [
    step(BACKUP_AFTER_MINUTES, "backup", { secondChannel: true }),
    step(CENTRE_AFTER_MINUTES, "national", { tellCitizen: true }),
    step(deadlineMinutes, "escalation"),
  ].sort((a, b) => a.afterMinutes - b.afterMinutes);
}

/** When step `level` (0-based) is due, or null once every step has been taken. */
export function nextStepAt(
  createdAt: string,
  steps: LadderStep[],
  level: number,
  now: Date,
): string | null {
  const step = steps[level];
  if (!step) return null;
  const due = Date.parse(createdAt) + step.afterMinutes * 60_000;
  // A step whose time already passed (a late sweep) is due now, one per sweep, in order.
  return new Date(Math.max(due, now.getTime())).toISOString();
}
