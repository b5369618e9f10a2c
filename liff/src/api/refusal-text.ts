import type { LiffKey } from "../i18n/catalog";

/**
 * What a refusal from the API means to the person, in their language. The server's `message`
 * is English for developers and logs; the screen says this instead (by code, then by status).
 */
export function refusalKey(status: number, code?: string): LiffKey {
  if (code === "account_disabled") return "problem.refusal.accountDisabled";
  if (code === "follow_up_open") return "problem.refusal.followUpOpen";
  if (status === 400 || status === 413) return "problem.refusal.invalid";
  if (status === 401 || status === 403) return "problem.refusal.forbidden";
  if (status === 404) return "problem.refusal.notFound";
  if (status === 409) return "problem.refusal.conflict";
  return "problem.refusal.other";
}
