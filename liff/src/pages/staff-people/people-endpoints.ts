import {
  personSchema,
  staffVolunteerSchema,
  type Person,
  type StaffAccountRequest,
  type StaffVolunteer,
  type VolunteerDecision,
} from "@sa/core";
import * as z from "zod/mini";
import type { ApiClient } from "../../api/api-client";

// Only this page calls these, so they load with it.

export const listPeople = async (api: ApiClient): Promise<Person[]> =>
  (await api.get("/api/admin/people", z.object({ people: z.array(personSchema) }))).people;

export const createStaff = async (api: ApiClient, body: StaffAccountRequest): Promise<void> => {
  await api.post("/api/admin/staff", body, z.object({ person: personSchema }));
};

export const setAccountDisabled = async (
  api: ApiClient,
  userId: string,
  disabled: boolean,
): Promise<void> => {
  await api.post(
    `/api/admin/users/${encodeURIComponent(userId)}/${disabled ? "disable" : "enable"}`,
    {},
    z.object({ userId: z.string() }),
  );
};

export const listProvinceVolunteers = async (api: ApiClient): Promise<StaffVolunteer[]> =>
  (await api.get("/api/staff/volunteers", z.object({ volunteers: z.array(staffVolunteerSchema) })))
    .volunteers;

export const decideVolunteer = async (
  api: ApiClient,
  userId: string,
  decision: VolunteerDecision,
  reason: string,
): Promise<void> => {
  await api.post(
    `/api/staff/volunteers/${encodeURIComponent(userId)}/${decision}`,
    decision === "approve" ? {} : { reason },
    z.object({ userId: z.string(), registration: z.string() }),
  );
};
