import * as z from "zod/mini";

export const apiErrorBodySchema = z.object({
  message: z.string(),
  /** A stable reason, e.g. `account_disabled`. */
  code: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  /** A file refused row by row (an import's validation report). */
  issues: z.optional(
    z.array(z.object({ row: z.number(), column: z.string(), problem: z.string() })),
  ),
  /** A welfare rule version's problems and example results, when it was refused for them. */
  check: z.optional(z.unknown()),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** The API answered with an error status (400, 401, 403, 404, 409, 5xx). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(`HTTP ${status}: ${body.message}`);
  }
}

/** No answer at all: offline, DNS, connection dropped. Worth retrying later. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

/** An answer that does not match the shared schema: a version mismatch, not the user's fault. */
export class BadResponseError extends Error {
  override readonly name = "BadResponseError";
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiError && (error.status >= 500 || error.status === 429);
}

/** An admin disabled this account: everything kept on the phone for it goes. */
export function isAccountDisabled(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status === 403 && error.body.code === "account_disabled"
  );
}
