import type { Firestore } from "firebase-admin/firestore";
import { recordAudit } from "../repositories/audit";
import {
  backfillPhotosRemovedAt,
  listReportsWithoutPhotosRemovedAt,
  listLegacyCases,
  listStaffWithoutScope,
  moveLegacyCase,
  setScopeIfUnset,
} from "../repositories/migrations";

/**
 * What a production database from before issue 9 needs, run once after the deploy (and safe to
 * run again: each step changes only what is still missing):
 * - staff get the explicit `scope` their old `area` implies. An old area that is missing or
 *   does not parse used to mean "national" (every case in the country); it now means no
 *   scope, which sees nothing, and the account is listed for an admin to decide.
 * - reports get `photosRemovedAt: null`, which the photo-retention sweep's query needs.
 * - cases move from the collection's old name, `reports`, to `cases` (first, so that the
 *   steps after it see them), each with its timeline.
 */
export interface MigrationResult {
  apply: boolean;
  /** Staff whose scope was (or, in a dry run, would be) set from their area. */
  scopes: { userId: string; provinceCode: string }[];
  /** Staff left without a scope: an admin must give each one (ids only). */
  needAdmin: string[];
  /** Cases moved (or, in a dry run, that would move) from `reports` to `cases`. */
  casesMoved: number;
  /** Reports that got (or would get) `photosRemovedAt: null`. */
  photosRemovedAtBackfilled: number;
}

export async function migrate(
  db: Firestore,
  options: { apply: boolean },
): Promise<MigrationResult> {
  let casesMoved = 0;
  for (const ticket of await listLegacyCases(db)) {
    if (!options.apply || (await moveLegacyCase(db, ticket))) casesMoved++;
  }

  const staff = await listStaffWithoutScope(db);
  const scopes: MigrationResult["scopes"] = [];
  const needAdmin: string[] = [];
  for (const { userId, provinceCode } of staff) {
    if (provinceCode === null) {
      needAdmin.push(userId);
      continue;
    }
    const changed = options.apply
      ? await setScopeIfUnset(db, userId, { kind: "province", provinceCode })
      : true;
    if (!changed) continue;
    scopes.push({ userId, provinceCode });
    if (options.apply) {
      await recordAudit(db, {
        actor: "migration",
        role: "admin",
        action: "migrate_scope",
        target: `users/${userId}`,
        detail: `province:${provinceCode}`,
      });
    }
  }

  let backfilled = 0;
  for (const ticket of await listReportsWithoutPhotosRemovedAt(db)) {
    if (!options.apply || (await backfillPhotosRemovedAt(db, ticket))) backfilled++;
  }
  return {
    apply: options.apply,
    casesMoved,
    scopes,
    needAdmin,
    photosRemovedAtBackfilled: backfilled,
  };
}
