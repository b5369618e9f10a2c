/** Collection names in one place: the data model in docs/ARCHITECTURE.md uses the same. */
export const Collections = {
  users: "users",
  sessions: "sessions",
  events: "events",
  reports: "reports",
  /** Subcollection of a report. */
  timeline: "timeline",
  audit: "audit",
  outbox: "outbox",
  routing: "routing",
  /** Duty rosters for urgent alerts: `duty/{provinceCode}` and `duty/national`. */
  duty: "duty",
} as const;
