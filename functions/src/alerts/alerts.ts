/**
 * Alerts about pushes, as structured Cloud Logging entries: a log-based metric counts entries
 * by their `alert` field and an alert policy pages on them (ops/monitoring/). The field's
 * values are stable; entries carry ids, counts and LINE's error summary, never message text,
 * names or phone numbers.
 */
export const ALERTS = {
  /** LINE answered 429 "monthly limit": no push goes out until the quota is raised. */
  line_quota_exhausted: "ERROR",
  /** LINE refused the token (401/403) even after a fresh one, or no token could be issued. */
  line_auth_failed: "ERROR",
  /** An outbox item was given up on (rejected, quota, or out of attempts). */
  push_failed_for_good: "ERROR",
  /** An urgent push did not go through LINE, so it went by SMS/voice instead. */
  urgent_fallback_sent: "WARNING",
  /** An urgent push did not go through LINE and could not go by SMS/voice either. */
  urgent_fallback_failed: "ERROR",
  /**
   * A report that does not parse could not be routed: nobody was told of it. The sweep tries
   * again each minute (and tells the 1300 centre after a few failures); this makes each try
   * visible.
   */
  report_unreadable: "ERROR",
  /**
   * A public per-address limit could not be counted (its Firestore store failed), so the
   * request went through unlimited: the eligibility check holds no personal data, and
   * citizens must not be locked out of it while the store is down.
   */
  rate_limiter_unavailable: "WARNING",
  /** GET /health found Firestore unreachable (or too slow) and answered 503. */
  health_firestore_unreachable: "ERROR",
} as const;

export type AlertName = keyof typeof ALERTS;
export type Severity = (typeof ALERTS)[AlertName];

export type RaiseAlert = (
  name: AlertName,
  message: string,
  fields: Record<string, unknown>,
) => void;

/** The shape Cloud Logging reads from a function's stdout: severity, message, and fields. */
export interface AlertEntry extends Record<string, unknown> {
  severity: Severity;
  message: string;
  alert: AlertName;
}

export function alertEntry(
  name: AlertName,
  message: string,
  fields: Record<string, unknown>,
): AlertEntry {
  return { ...fields, severity: ALERTS[name], message, alert: name };
}

/** Alerts written as one JSON line, which Cloud Logging reads as a structured entry. */
export const alertToStdout: RaiseAlert = (name, message, fields) => {
  console.log(JSON.stringify(alertEntry(name, message, fields)));
};
