/** Collection names in one place: the data model in DESIGN.md, and nothing else, uses them. */
export const Collections = {
  users: "users",
  sessions: "sessions",
  events: "events",
  reports: "reports",
} as const;
