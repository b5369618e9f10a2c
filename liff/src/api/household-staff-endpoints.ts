// Target households for staff: list import, assignment and progress.
import * as z from "zod/mini";
import {
  householdProgressSchema,
  importJobViewSchema,
  importPreviewResponseSchema,
  type AssignHouseholdsRequest,
  type HeaderMapping,
  type ImportJobView,
  type ImportPreview,
  type ProgressRow,
} from "@sa/core";
import type { ApiClient } from "./api-client";

export interface ListFile {
  fileName: string;
  /** base64 of the file's bytes */
  content: string;
}

export const previewImport = async (
  api: ApiClient,
  file: ListFile,
  mapping: HeaderMapping,
): Promise<ImportPreview> =>
  (
    await api.post(
      "/api/staff/households/import/preview",
      { ...file, mapping },
      importPreviewResponseSchema,
    )
  ).data;

export const runImport = async (
  api: ApiClient,
  file: ListFile,
  mapping: HeaderMapping,
  clientId: string,
): Promise<ImportJobView> =>
  (
    await api.post(
      "/api/staff/households/import",
      { ...file, mapping, clientId },
      importJobViewSchema,
    )
  ).data;

export const getImportJob = (api: ApiClient, id: string): Promise<ImportJobView> =>
  api.get(`/api/staff/households/import/${encodeURIComponent(id)}`, importJobViewSchema);

export const householdTemplate = (api: ApiClient): Promise<Blob> =>
  api.blob("/api/staff/households/template.csv");

export const assignHouseholds = async (
  api: ApiClient,
  body: AssignHouseholdsRequest,
): Promise<number> =>
  (await api.post("/api/staff/households/assign", body, z.object({ assigned: z.number() }))).data
    .assigned;

export const getProgress = async (api: ApiClient): Promise<ProgressRow[]> =>
  (await api.get("/api/staff/households/progress", householdProgressSchema)).rows;

export const progressCsv = (api: ApiClient): Promise<Blob> =>
  api.blob("/api/staff/households/progress.csv");
