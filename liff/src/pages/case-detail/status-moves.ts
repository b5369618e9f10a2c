import { TRANSITIONS, type CaseStatus } from "@sa/core";

// "assigned" is left out of the status choices: it needs a volunteer, so it is the assign
// form's move, not a status to pick.
export const statusMoves = (from: CaseStatus): CaseStatus[] =>
  TRANSITIONS[from].filter(to => to !== "assigned");

export const canAssign = (from: CaseStatus): boolean => TRANSITIONS[from].includes("assigned");
