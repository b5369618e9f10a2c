import * as z from "zod/mini";
import {
  caseDetailSchema,
  caseSummarySchema,
  eligibilityResponseSchema,
  meSchema,
  timelineEntrySchema,
  type CaseDetail,
  type CaseSummary,
  type EligibilityRequest,
  type EligibilityResponse,
  type Language,
  type Me,
  type RegistrationRequest,
  type CaseStatus,
  type TimelineEntry,
} from "@sa/core";
import type { ApiClient } from "./api-client";
import { ApiError, apiErrorBodySchema, BadResponseError, NetworkError } from "./api-error";

export const getMe = (api: ApiClient): Promise<Me> => api.get("/api/me", meSchema);

export const registerVolunteer = async (api: ApiClient, body: RegistrationRequest): Promise<Me> =>
  (await api.post("/api/volunteers/registration", body, meSchema)).data;

const caseListSchema = z.object({ cases: z.array(caseSummarySchema) });

export const listCases = async (api: ApiClient, status?: CaseStatus): Promise<CaseSummary[]> =>
  (
    await api.get(
      `/api/cases${status ? `?status=${encodeURIComponent(status)}` : ""}`,
      caseListSchema,
    )
  ).cases;

export const casePath = (ticket: string) => `/api/cases/${encodeURIComponent(ticket)}`;

export const getCase = (api: ApiClient, ticket: string): Promise<CaseDetail> =>
  api.get(casePath(ticket), caseDetailSchema);

/**
 * A file of a case, fetched with the token: `photos/0`, `media/0` (a voice note or video), or
 * `visits/{entry id}/photos/0` (a photo taken on a visit).
 */
export const getCaseFile = (api: ApiClient, ticket: string, file: string): Promise<Blob> =>
  api.blob(`${casePath(ticket)}/${file}`);

/**
 * What a volunteer can add to a case, each one timeline entry; and a visit to a target household
 * (its outbox item's `ticket` holds the household's id).
 */
export const ENTRY_KINDS = ["visit", "assistance", "referral", "status", "householdVisit"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const ENTRY_PATHS: Record<Exclude<EntryKind, "householdVisit">, string> = {
  visit: "visits",
  assistance: "assistance",
  referral: "referrals",
  status: "status",
};

const entryResponseSchema = z.object({ entry: timelineEntrySchema });

/** 201 the first time, 200 with the same entry when the clientId was already written. */
export const postCaseEntry = async (
  api: ApiClient,
  ticket: string,
  kind: Exclude<EntryKind, "householdVisit">,
  body: unknown,
): Promise<TimelineEntry> =>
  (await api.post(`${casePath(ticket)}/${ENTRY_PATHS[kind]}`, body, entryResponseSchema)).data
    .entry;

/** What the outbox sends: an entry of a case, or a household's visit (same retry rule). */
export const postEntry = async (
  api: ApiClient,
  item: { kind: EntryKind; ticket: string; body: unknown },
): Promise<void> => {
  if (item.kind === "householdVisit") {
    const path = `/api/households/${encodeURIComponent(item.ticket)}/visits`;
    await api.post(path, item.body, z.object({ id: z.string() }));
  } else await postCaseEntry(api, item.ticket, item.kind, item.body);
};

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
