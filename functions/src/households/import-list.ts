import {
  checkHouseholdTable,
  MAX_LISTED_PROBLEMS,
  type AreaDirectory,
  type HeaderMapping,
  type ImportPreview,
  type TableCheck,
} from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import {
  HOUSEHOLD_BATCH,
  saveImportJob,
  upsertHouseholds,
  type ImportJob,
} from "../repositories/households";
import { readTable } from "./read-table";

/** Reads and checks a list; nothing is written. */
export async function checkList(
  content: Buffer,
  options: { areas: AreaDirectory; provinceCode: string | null; mapping?: HeaderMapping },
): Promise<TableCheck> {
  return checkHouseholdTable(await readTable(content), options);
}

export function previewOf(check: TableCheck): ImportPreview {
  return {
    headers: check.headers,
    mapping: check.mapping,
    missing: check.missing,
    rowCount: check.rowCount,
    validCount: check.households.length,
    problemCount: check.problems.length,
    problems: check.problems.slice(0, MAX_LISTED_PROBLEMS),
  };
}

/**
 * Writes the rows without problems in batches of 500, recording progress on the job after each
 * batch (the import page polls it). Rows with problems are skipped: the preview named them.
 * Running it again with the same list updates the same records.
 */
export async function runImport(
  db: Firestore,
  check: TableCheck,
  job: Pick<ImportJob, "id" | "by" | "fileName">,
  now: () => Date,
): Promise<ImportJob> {
  const households = check.households.map(h => h.household);
  const state: ImportJob = {
    ...job,
    status: "running",
    total: households.length,
    written: 0,
    created: 0,
    updated: 0,
    skipped: check.rowCount - households.length,
    startedAt: now().toISOString(),
    finishedAt: null,
  };
  await saveImportJob(db, state);
  for (let i = 0; i < households.length; i += HOUSEHOLD_BATCH) {
    const batch = households.slice(i, i + HOUSEHOLD_BATCH);
    const { created, updated } = await upsertHouseholds(db, h => h.area.provinceCode, batch, now());
    state.written += batch.length;
    state.created += created;
    state.updated += updated;
    await saveImportJob(db, state);
  }
  state.status = "done";
  state.finishedAt = now().toISOString();
  await saveImportJob(db, state);
  return state;
}
