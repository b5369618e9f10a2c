import {
  eligibilityResponseSchema,
  type EligibilityRequest,
  type EligibilityResponse,
  type Language,
} from "@sa/core";
import { ApiError, apiErrorBodySchema, BadResponseError, NetworkError } from "./api-error";

/** Public: anyone may check, with or without a LINE login, so no token is sent. */
export async function checkEligibility(
  request: EligibilityRequest,
  language: Language,
): Promise<EligibilityResponse> {
  let response: Response;
  try {
    response = await fetch("/api/eligibility", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": language },
      body: JSON.stringify(request),
    });
  } catch (error) {
    throw new NetworkError(String(error));
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const parsed = apiErrorBodySchema.safeParse(body);
    throw new ApiError(response.status, parsed.success ? parsed.data : { message: "" });
  }
  const parsed = eligibilityResponseSchema.safeParse(body);
  if (!parsed.success) throw new BadResponseError(parsed.error.message);
  return parsed.data;
}
