import "@sa/core/zod-english";
import type { CaseError, CaseErrorCode } from "../cases/case-errors";

/** An error with the HTTP status and message the caller should see; thrown by routes. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: { field: string; message: string }[],
    /** A stable reason the client can act on (e.g. `account_disabled`), beside the message. */
    readonly code?: string,
    /** Seconds, for a 429 or 503. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** "children[0].birthDate", the way a caller names the field in their own code. */
export function fieldName(path: PropertyKey[]): string {
  const name = path.reduce<string>(
    (acc, part) =>
      typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    "",
  );
  return name || "(body)";
}

/** A 400 naming each bad field of a zod failure. */
export function invalidBody(
  issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[],
  message = "Invalid request",
): HttpError {
  return new HttpError(
    400,
    message,
    issues.flatMap(issue =>
      issue.code === "unrecognized_keys" && issue.keys
        ? issue.keys.map(key => ({
            field: fieldName([...issue.path, key]),
            message: issue.message,
          }))
        : [{ field: fieldName(issue.path), message: issue.message }],
    ),
  );
}

/** The one place a refusal of the case service becomes an HTTP answer. */
export const CASE_ERROR_STATUS: Record<CaseErrorCode, number> = {
  NotFound: 404,
  NotAllowed: 403,
  InvalidTransition: 409,
  AlreadyTaken: 409,
  NotYetResolved: 409,
  AlreadyRated: 409,
  InvalidVolunteer: 400,
  FollowUpOpen: 409,
};

export function caseErrorToHttp(error: CaseError): HttpError {
  if (error.code === "InvalidVolunteer") {
    return new HttpError(400, "Invalid request", [
      { field: "volunteerUserId", message: error.message },
    ]);
  }
  const code = error.code === "FollowUpOpen" ? { code: "follow_up_open" } : {};
  return new HttpError(CASE_ERROR_STATUS[error.code], error.message, undefined, code.code);
}
