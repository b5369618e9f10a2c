/** A case as the LIFF app shows it; pushes link here. */
export function caseUrl(liffBaseUrl: string, ticket: string): string {
  return `${liffBaseUrl.replace(/\/$/, "")}/cases/${encodeURIComponent(ticket)}`;
}
