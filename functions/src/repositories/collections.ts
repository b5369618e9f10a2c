/** Collection names in one place: the data model in docs/ARCHITECTURE.md uses the same. */
export const Collections = {
  users: "users",
  sessions: "sessions",
  events: "events",
  cases: "cases",
  /** Subcollection of a report. */
  timeline: "timeline",
  audit: "audit",
  outbox: "outbox",
  routing: "routing",
  /** `duty/{provinceCode}` and `duty/national`: who is on duty for urgent reports. */
  duty: "duty",
  /** Abuse limits: reports per LINE user, requests per hashed address (rate-limits.ts). */
  rateLimits: "rateLimits",
  /** Welfare rule versions staff drafted, submitted and published (welfare-rules.ts). */
  welfareRules: "welfareRules",
  /** `helpPoints/{id}`: one-stop centres, provincial offices and shelters (help-points.ts). */
  helpPoints: "helpPoints",
  /** Target households (TPMAP lists), `{provinceCode}-{householdId}`; visits beneath each. */
  households: "households",
  /** Subcollection of a household: its visits, keyed by the form's client id. */
  householdVisits: "visits",
  /** One document per list import: its progress, which the import page polls. */
  householdImports: "householdImports",
  /** `benefitsFound/{subDistrictCode}`: unclaimed benefits the latest visits (households, cases) found. */
  benefitsFound: "benefitsFound",
} as const;
