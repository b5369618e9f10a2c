import { dutyRosterSchema, type DutyRoster } from "@sa/core";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";
import { listApprovedStaff, type Account } from "./users";

/** The 1300 centre's roster; every other roster is named by its 2-digit province code. */
export const NATIONAL_ROSTER = "national";

/** Nobody on duty: urgent reports then go by the routing table alone. */
const EMPTY: DutyRoster = { shifts: [] };

function rosterRef(db: Firestore, id: string) {
  return db.collection(Collections.duty).doc(id);
}

/**
 * A stored roster that no longer fits the schema (older code, a hand edit) reads as empty and
 * is logged, never crashes the routing of an urgent report.
 */
function parse(id: string, data: unknown): DutyRoster {
  if (data === undefined) return EMPTY;
  const parsed = dutyRosterSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  // Ids and field paths only: nothing personal in the logs.
  console.warn(
    "duty roster unparsable, read as empty",
    JSON.stringify({ roster: id, fields: parsed.error.issues.map(i => i.path.join(".")) }),
  );
  return EMPTY;
}

export async function readRoster(db: Firestore, id: string): Promise<DutyRoster> {
  return parse(id, (await rosterRef(db, id).get()).data());
}

export async function readRosterIn(
  tx: Transaction,
  db: Firestore,
  id: string,
): Promise<DutyRoster> {
  return parse(id, (await tx.get(rosterRef(db, id))).data());
}

/** Replaces the roster; `by` is the user id of whoever saved it. */
export async function saveRoster(
  db: Firestore,
  id: string,
  roster: DutyRoster,
  by: string,
): Promise<void> {
  await rosterRef(db, id).set({
    ...dutyRosterSchema.parse(roster),
    updatedAt: FieldValue.serverTimestamp(),
    updatedBy: by,
  });
}

/**
 * Who may be put on a roster: the approved staff whose scope is its province, or for `national`
 * those whose scope is national (the 1300 centre), by name.
 */
export function listRosterStaff(db: Firestore, id: string): Promise<Account[]> {
  return listApprovedStaff(
    db,
    id === NATIONAL_ROSTER ? { kind: "national" } : { kind: "province", provinceCode: id },
  );
}
