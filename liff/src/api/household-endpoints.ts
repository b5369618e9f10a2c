// A volunteer's target households (the staff routes are in household-staff-endpoints.ts, which
// only the lazily loaded office page imports).
import {
  householdViewSchema,
  myHouseholdsSchema,
  type HouseholdView,
  type MyHouseholds,
} from "@sa/core";
import type { ApiClient } from "./api-client";

export const myHouseholds = (api: ApiClient): Promise<MyHouseholds> =>
  api.get("/api/households", myHouseholdsSchema);

export const getHousehold = (api: ApiClient, id: string): Promise<HouseholdView> =>
  api.get(`/api/households/${encodeURIComponent(id)}`, householdViewSchema);
