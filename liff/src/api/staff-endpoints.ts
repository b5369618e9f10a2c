// The staff and admin routes: their shapes are the shared schemas of core/src/api/staff.ts,
// checked on every answer as the volunteer routes' are.
import * as z from "zod/mini";
import {
  dashboardSchema,
  dutyRosterViewSchema,
  outboxEntrySchema,
  queuePageSchema,
  routingRowSchema,
  staffVolunteerSchema,
  type Dashboard,
  type DutyRosterView,
  type OutboxEntry,
  type QueueCase,
  type QueuePage,
  type QueueFilter,
  type RoutingEntry,
  type RoutingRow,
  type SaveDutyRosterRequest,
  type StaffVolunteer,
} from "@sa/core";
import type { ApiClient } from "./api-client";

/** The filter as a query string ("" for none), shared by the queue and its CSV export. */
export function filterQuery(filter: QueueFilter & { after?: string }): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * A page of the newest cases, `after` the previous page's `next`; on each page overdue first,
 * then new (urgent first), reopened, the rest, oldest first within each.
 */
export const getQueue = (api: ApiClient, filter: QueueFilter, after?: string): Promise<QueuePage> =>
  api.get(`/api/staff/queue${filterQuery({ ...filter, after })}`, queuePageSchema);

/** The CSV the server makes for Excel (UTF-8 with a byte-order mark), as bytes. */
export const exportCsv = (api: ApiClient, filter: QueueFilter): Promise<Blob> =>
  api.blob(`/api/staff/export.csv${filterQuery(filter)}`);

export const listVolunteers = async (api: ApiClient): Promise<StaffVolunteer[]> =>
  (await api.get("/api/staff/volunteers", z.object({ volunteers: z.array(staffVolunteerSchema) })))
    .volunteers;

export const approveVolunteer = async (api: ApiClient, userId: string): Promise<void> => {
  await api.post(
    `/api/staff/volunteers/${encodeURIComponent(userId)}/approve`,
    {},
    z.object({ userId: z.string() }),
  );
};

export const getDashboard = (api: ApiClient): Promise<Dashboard> =>
  api.get("/api/staff/dashboard", dashboardSchema);

/** A province code ("50"), `default` (a province with no entry) or `national` (the 1300 centre). */
export const getRouting = async (api: ApiClient): Promise<RoutingRow[]> =>
  (await api.get("/api/admin/routing", z.object({ routing: z.array(routingRowSchema) }))).routing;

export const saveRouting = (api: ApiClient, id: string, entry: RoutingEntry): Promise<RoutingRow> =>
  api.put(`/api/admin/routing/${encodeURIComponent(id)}`, entry, routingRowSchema);

/** Staff get their own roster; an admin may name one (`50`, `national`). */
const dutyPath = (province?: string) =>
  `/api/staff/duty${province ? `?province=${encodeURIComponent(province)}` : ""}`;

export const getDutyRoster = (api: ApiClient, province?: string): Promise<DutyRosterView> =>
  api.get(dutyPath(province), dutyRosterViewSchema);

/** Replaces the whole roster; the answer is the roster as stored, with who is on duty now. */
export const saveDutyRoster = (
  api: ApiClient,
  request: SaveDutyRosterRequest,
  province?: string,
): Promise<DutyRosterView> => api.put(dutyPath(province), request, dutyRosterViewSchema);

/** Admin: pushes that failed, or are still pending after 3 tries or 15 minutes; newest first. */
export const getTroubledPushes = async (api: ApiClient): Promise<OutboxEntry[]> =>
  (await api.get("/api/admin/outbox", z.object({ items: z.array(outboxEntrySchema) }))).items;

/** Back to pending, due now (the next sweep, within a minute); 409 when it was sent meanwhile. */
export const retryPush = async (api: ApiClient, id: string): Promise<OutboxEntry> =>
  (
    await api.post(
      `/api/admin/outbox/${encodeURIComponent(id)}/retry`,
      {},
      z.object({ item: outboxEntrySchema }),
    )
  ).data.item;

export type {
  Dashboard,
  DutyRosterView,
  OutboxEntry,
  QueueCase,
  QueuePage,
  QueueFilter,
  RoutingEntry,
  RoutingRow,
  StaffVolunteer,
};
