/**
 * Why a read or change of a case was refused, without HTTP or chat types: the api maps each to a
 * status (api/case-error-status.ts), the chat to a polite reply (webhook/case-postbacks.ts).
 */
export type CaseErrorCode =
  | "NotFound"
  | "NotAllowed"
  | "InvalidTransition"
  | "AlreadyTaken"
  | "NotYetResolved"
  | "AlreadyRated"
  | "InvalidVolunteer"
  /** Closing a case whose follow-up visit is still open, without a reason. */
  | "FollowUpOpen";

export class CaseError extends Error {
  override name = "CaseError";
  constructor(
    readonly code: CaseErrorCode,
    message: string,
    /** Facts for the reply (e.g. who took the case); never personal data beyond a staff name. */
    readonly detail: Record<string, string> = {},
  ) {
    super(message);
  }
}
