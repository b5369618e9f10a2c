import type { CaseStatus } from "./case";

/**
 * The allowed moves of a case, shared by the server (which refuses any other with 409) and the
 * staff page (which offers only these). `reopened` is the citizen saying the problem is not
 * solved (Traffy Fondue's known weakness: cases marked fixed that were not).
 */
export const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ["acknowledged", "assigned", "referred", "closed"],
  acknowledged: ["assigned", "in_progress", "referred", "resolved", "closed"],
  assigned: ["assigned", "in_progress", "referred", "resolved"],
  in_progress: ["assigned", "referred", "resolved"],
  referred: ["assigned", "in_progress", "resolved"],
  resolved: ["closed", "reopened", "in_progress"],
  reopened: ["acknowledged", "assigned", "in_progress", "referred", "resolved"],
  closed: ["reopened"],
};
