import { z } from "zod";
import {
  areaSchema,
  caseSummarySchema,
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  timelineEntrySchema,
  type ReportCategory,
  type ReportStatus,
} from "@sa/core";
import type { ApiClient } from "./api-client";
import { casePath } from "./endpoints";

// The staff and admin routes' answers. Their shapes live in functions/src/api (staff-routes,
// admin-routes, cases/dashboard), not yet in core/src/api: they are written out here and checked
// on every answer, as the volunteer routes' are.

const assigneeSchema = z.object({ userId: z.string(), name: z.string() });

export const queueCaseSchema = caseSummarySchema.extend({
  /** New and past its acknowledgement time. */
  overdue: z.boolean(),
  assignee: assigneeSchema.nullable(),
});
export type QueueCase = z.infer<typeof queueCaseSchema>;

export interface QueueFilter {
  status?: ReportStatus | undefined;
  category?: ReportCategory | undefined;
  districtCode?: string | undefined;
}

/** The filter as a query string ("" for none), shared by the queue and its CSV export. */
export function filterQuery(filter: QueueFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Overdue first, then new (urgent first), reopened, the rest; oldest first within each. */
export const getQueue = async (api: ApiClient, filter: QueueFilter): Promise<QueueCase[]> =>
  (
    await api.get(
      `/api/staff/queue${filterQuery(filter)}`,
      z.object({ cases: z.array(queueCaseSchema) }),
    )
  ).cases;

/** The CSV the server makes for Excel (UTF-8 with a byte-order mark), as bytes. */
export const exportCsv = (api: ApiClient, filter: QueueFilter): Promise<Blob> =>
  api.blob(`/api/staff/export.csv${filterQuery(filter)}`);

export const staffVolunteerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  registration: z.enum(["none", "pending", "approved", "rejected"]),
  area: areaSchema.nullable(),
  volunteerNumber: z.string().nullable(),
});
export type StaffVolunteer = z.infer<typeof staffVolunteerSchema>;

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

const entryResponseSchema = z.object({ entry: timelineEntrySchema });

/** 201 the first time, 200 with the same entry when the clientId was already written. */
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
  body: { clientId: string; status: ReportStatus; note?: string },
): Promise<void> => {
  await api.post(`${casePath(ticket)}/staff-status`, body, entryResponseSchema);
};

const countsOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map(key => [key, z.number()])) as Record<K, z.ZodNumber>);

export const dashboardSchema = z.object({
  total: z.number(),
  byStatus: countsOf(REPORT_STATUSES),
  byCategory: countsOf(REPORT_CATEGORIES),
  /** Monday 00:00 Bangkok of each of the last 8 weeks, oldest first. */
  byWeek: z.array(z.object({ weekStart: z.string(), count: z.number() })),
  overdue: z.number(),
  medianMinutesToAcknowledge: z.number().nullable(),
  medianMinutesToResolve: z.number().nullable(),
  sampleSize: z.number(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const getDashboard = (api: ApiClient): Promise<Dashboard> =>
  api.get("/api/staff/dashboard", dashboardSchema);

export const routingEntrySchema = z.object({
  staff: z.array(
    z.object({
      userId: z.string(),
      /** None (or an empty list) means every category. */
      categories: z.array(z.string()).optional(),
    }),
  ),
  escalation: z.array(z.string()),
  ackMinutes: z.object({ urgent: z.number(), normal: z.number() }),
});
export type RoutingEntry = z.infer<typeof routingEntrySchema>;
const routingWithIdSchema = routingEntrySchema.extend({ id: z.string() });
export type RoutingRow = z.infer<typeof routingWithIdSchema>;

/** A province code ("50"), `default` (a province with no entry) or `national` (the 1300 centre). */
export const getRouting = async (api: ApiClient): Promise<RoutingRow[]> =>
  (await api.get("/api/admin/routing", z.object({ routing: z.array(routingWithIdSchema) })))
    .routing;

export const saveRouting = (api: ApiClient, id: string, entry: RoutingEntry): Promise<RoutingRow> =>
  api.put(`/api/admin/routing/${encodeURIComponent(id)}`, entry, routingWithIdSchema);
