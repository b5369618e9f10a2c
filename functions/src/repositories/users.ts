import {
  compareNames,
  areaSchema,
  isLanguage,
  REGISTRATIONS,
  ROLES,
  thaiPhoneToE164,
  type Language,
} from "@sa/core";
import * as z from "zod/mini";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";

export interface UserRecord {
  language: Language;
}

function userRef(db: Firestore, userId: string) {
  return db.collection(Collections.users).doc(userId);
}

export async function readUserIn(
  tx: Transaction,
  db: Firestore,
  userId: string,
): Promise<UserRecord | undefined> {
  return userRecordOf((await tx.get(userRef(db, userId))).data());
}

/** The person as the chat knows them, or undefined before their first message. */
export async function readUser(db: Firestore, userId: string): Promise<UserRecord | undefined> {
  return userRecordOf((await userRef(db, userId).get()).data());
}

function userRecordOf(data: FirebaseFirestore.DocumentData | undefined): UserRecord | undefined {
  if (!data) return undefined;
  return { language: isLanguage(data.language) ? data.language : "th" };
}

/** Each person's language (Thai when unknown), read in the caller's transaction. */
export async function readLanguagesIn(
  tx: Transaction,
  db: Firestore,
  userIds: string[],
): Promise<Map<string, Language>> {
  const unique = [...new Set(userIds)];
  const docs = unique.length > 0 ? await tx.getAll(...unique.map(id => userRef(db, id))) : [];
  return new Map(
    docs.map(doc => {
      const language = doc.data()?.language;
      return [doc.id, isLanguage(language) ? language : "th"];
    }),
  );
}

/** Citizens are created on first contact; roles other than citizen are given by staff. */
export function saveUser(
  tx: Transaction,
  db: Firestore,
  userId: string,
  user: UserRecord,
  isNew: boolean,
): void {
  tx.set(
    userRef(db, userId),
    {
      language: user.language,
      updatedAt: FieldValue.serverTimestamp(),
      ...(isNew && { role: "citizen", createdAt: FieldValue.serverTimestamp() }),
    },
    { merge: true },
  );
}

/**
 * Which cases a staff account answers for: one province, or the whole country (the national
 * 1300 centre). Staff must carry one explicitly; a staff account without a readable scope sees
 * nothing (see cases/case-access.ts).
 */
export const staffScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("national") }),
  z.object({ kind: z.literal("province"), provinceCode: z.string().check(z.regex(/^\d{2}$/)) }),
]);
export type StaffScope = z.infer<typeof staffScopeSchema>;

/** A user as the API sees them: role, and for volunteers and staff their registration and area. */
export const accountSchema = z.object({
  role: z.catch(z.enum(ROLES), "citizen"),
  registration: z.catch(z.enum(REGISTRATIONS), "none"),
  registrationReason: z.catch(z.optional(z.nullable(z.string())), undefined),
  name: z.catch(z.nullable(z.string()), null),
  phone: z.catch(z.nullable(z.string()), null),
  volunteerNumber: z.catch(z.nullable(z.string()), null),
  area: z.catch(z.nullable(areaSchema), null),
  /** Staff only; null when missing or unreadable, which grants nothing. */
  scope: z.catch(z.nullable(staffScopeSchema), null),
  language: z.catch(z.enum(["th", "en"]), "th"),
  /** Set by an admin: the account keeps its role and history but may do nothing. */
  disabled: z.catch(z.optional(z.boolean()), undefined),
});
export type Account = z.infer<typeof accountSchema> & { userId: string };

/** False for an account an admin disabled: every route and LINE button refuses it. */
export function isActive(account: Pick<Account, "disabled">): boolean {
  return account.disabled !== true;
}

/** Disables or enables an account; false when there is no such user. */
export async function setDisabled(
  db: Firestore,
  userId: string,
  disabled: boolean,
): Promise<Account | undefined> {
  return db.runTransaction(async tx => {
    const ref = userRef(db, userId);
    const snapshot = await tx.get(ref);
    if (!snapshot.exists) return undefined;
    tx.update(ref, { disabled, updatedAt: FieldValue.serverTimestamp() });
    return { ...accountSchema.parse({ ...snapshot.data(), disabled }), userId };
  });
}

export async function readAccount(db: Firestore, userId: string): Promise<Account> {
  const data = (await userRef(db, userId).get()).data() ?? {};
  return { ...accountSchema.parse(data), userId };
}

/** The account as it is at this point of the caller's transaction (access is re-checked here). */
export async function readAccountIn(
  tx: Transaction,
  db: Firestore,
  userId: string,
): Promise<Account> {
  const data = (await tx.get(userRef(db, userId))).data() ?? {};
  return { ...accountSchema.parse(data), userId };
}

/** Approved staff are few per province: one page is all of them. */
const STAFF_LIMIT = 500;

/**
 * The approved staff of a scope (a province, or the national 1300 centre), by name. Only an
 * explicit scope counts: staff without one are on no roster.
 */
export async function listApprovedStaff(db: Firestore, scope: StaffScope): Promise<Account[]> {
  let q = db
    .collection(Collections.users)
    .where("role", "==", "staff")
    .where("registration", "==", "approved")
    .where("scope.kind", "==", scope.kind);
  if (scope.kind === "province") q = q.where("scope.provinceCode", "==", scope.provinceCode);
  const snapshot = await q.limit(STAFF_LIMIT).get();
  return snapshot.docs
    .map((doc): Account => ({ ...accountSchema.parse(doc.data()), userId: doc.id }))
    .filter(account => JSON.stringify(account.scope) === JSON.stringify(scope))
    .sort((a, b) => compareNames("th")(a.name ?? "", b.name ?? ""));
}

/** Volunteers, of one province or (null) of every province, for staff to approve and assign. */
export async function listVolunteers(
  db: Firestore,
  provinceCode: string | null,
  limit = 1000,
): Promise<Account[]> {
  let q = db.collection(Collections.users).where("role", "==", "volunteer");
  if (provinceCode !== null) q = q.where("area.provinceCode", "==", provinceCode);
  const snapshot = await q.limit(limit).get();
  return snapshot.docs.map(
    (doc): Account => ({ ...accountSchema.parse(doc.data()), userId: doc.id }),
  );
}

/**
 * The phone to reach a user on outside LINE (urgent alerts by SMS/voice): the number on their
 * record (volunteers give it when registering; staff have it set), when it is a Thai number.
 */
export async function contactPhone(db: Firestore, userId: string): Promise<string | null> {
  const { phone } = accountSchema.parse((await userRef(db, userId).get()).data() ?? {});
  return (phone && thaiPhoneToE164(phone)) || null;
}

/** A volunteer's registration waits for staff approval; staff and admins are never demoted. */
export async function registerVolunteer(
  db: Firestore,
  userId: string,
  registration: {
    name: string;
    phone: string;
    volunteerNumber: string;
    area: NonNullable<Account["area"]>;
  },
): Promise<Account> {
  return db.runTransaction(async tx => {
    const ref = userRef(db, userId);
    const current = accountSchema.parse((await tx.get(ref)).data() ?? {});
    if (current.role === "staff" || current.role === "admin") return { ...current, userId };
    // Only staff lift a suspension: registering again does not.
    if (current.registration === "suspended") return { ...current, userId };
    // Approval is for one area: an approved volunteer who moves to another sub-district waits
    // for the staff there to approve them again.
    const sameArea = current.area?.subDistrictCode === registration.area.subDistrictCode;
    const updated = {
      ...current,
      ...registration,
      role: "volunteer" as const,
      registration:
        current.registration === "approved" && sameArea
          ? ("approved" as const)
          : ("pending" as const),
    };
    tx.set(ref, { ...updated, updatedAt: FieldValue.serverTimestamp() }, { merge: true });
    return { ...updated, userId };
  });
}
