import {
  helpPointImportResultSchema,
  helpPointViewSchema,
  type HelpPointImportResult,
  type HelpPointView,
} from "@sa/core";
import * as z from "zod/mini";
import type { ApiClient } from "../../api/api-client";

// Only this page calls these, so they load with it.

export const listHelpPoints = async (api: ApiClient): Promise<HelpPointView[]> =>
  (await api.get("/api/admin/help-points", z.object({ helpPoints: z.array(helpPointViewSchema) })))
    .helpPoints;

/** 422 with `issues` (row, column, problem) when any row is wrong; nothing is written then. */
export const importHelpPoints = async (
  api: ApiClient,
  csv: string,
): Promise<HelpPointImportResult> =>
  (await api.post("/api/admin/help-points/import", { csv }, helpPointImportResultSchema)).data;

export const removeHelpPoint = async (api: ApiClient, id: string): Promise<void> => {
  await api.post(
    `/api/admin/help-points/${encodeURIComponent(id)}/remove`,
    {},
    z.object({ removed: z.string() }),
  );
};
