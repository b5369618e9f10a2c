import * as z from "zod/mini";
import {
  caseDetailSchema,
  timelineEntrySchema,
  type CaseDetail,
  type CaseStatus,
  type TimelineEntry,
} from "@sa/core";
import type { ApiClient } from "./api-client";
import { casePath, type EntryKind } from "./endpoints";

// A case's detail and what volunteers and staff add to it: loaded with the case pages, and by the
// outbox when it has something to send (offline/outbox-context.tsx), not on a first screen.

export const getCase = (api: ApiClient, ticket: string): Promise<CaseDetail> =>
  api.get(casePath(ticket), caseDetailSchema);

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

/** Staff: who works the case. 201 the first time, 200 again for the same clientId. */
export const assignVolunteer = async (
  api: ApiClient,
  ticket: string,
  body: { clientId: string; volunteerUserId: string },
): Promise<void> => {
  await api.post(`${casePath(ticket)}/assign`, body, entryResponseSchema);
};

/** 409 when the case's status does not allow the move (it changed since it was shown). */
export const changeStatus = async (
  api: ApiClient,
  ticket: string,
  body: { clientId: string; status: CaseStatus; note?: string },
): Promise<void> => {
  await api.post(`${casePath(ticket)}/staff-status`, body, entryResponseSchema);
};
