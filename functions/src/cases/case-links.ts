/** A case as the LIFF app shows it; pushes link here. */
export function caseUrl(liffBaseUrl: string, ticket: string): string {
  return `${liffBaseUrl.replace(/\/$/, "")}/cases/${encodeURIComponent(ticket)}`;
}

/** A target household's visit form; follow-up reminders link here. */
export function householdVisitUrl(liffBaseUrl: string, id: string): string {
  return `${liffBaseUrl.replace(/\/$/, "")}/households/${encodeURIComponent(id)}/visit`;
}
