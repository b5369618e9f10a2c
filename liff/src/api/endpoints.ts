import * as z from "zod/mini";
import {
  caseSummarySchema,
  meSchema,
  type CaseSummary,
  type Me,
  type RegistrationRequest,
  type CaseStatus,
} from "@sa/core";
import type { ApiClient } from "./api-client";

// What the first screens call. A case's detail and what is added to it are in case-endpoints.ts,
// the eligibility check in eligibility-endpoints.ts: their schemas are built only when a page
// that needs them loads, not while a slow phone waits for its first screen.

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
