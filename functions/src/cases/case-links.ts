/** A case as the LIFF app shows it; pushes link here. */
export function caseUrl(liffBaseUrl: string, ticket: string): string {
  return `${liffBaseUrl.replace(/\/$/, "")}/cases/${encodeURIComponent(ticket)}`;
}

/**
 * A short staff notice about a case with its link on the next line: lock-screen safe (the
 * ticket and what happened, never the words of the report), and the link survives into SMS.
 */
export function caseNoticeText(notice: string, liffBaseUrl: string, ticket: string): string {
  return `${notice}\n${caseUrl(liffBaseUrl, ticket)}`;
}
