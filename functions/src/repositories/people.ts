import { compareNames, type Registration, type StaffAccountRequest } from "@sa/core";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { Collections } from "./collections";
import { accountSchema, type Account } from "./users";

function userRef(db: Firestore, userId: string) {
  return db.collection(Collections.users).doc(userId);
}

/** Staff and admins are a few hundred in the country: one page is all of them. */
const PEOPLE_LIMIT = 2000;

/** Every staff and admin account, disabled ones too, for the admins' "who is who". */
export async function listStaffAndAdmins(db: Firestore): Promise<Account[]> {
  const snapshot = await db
    .collection(Collections.users)
    .where("role", "in", ["staff", "admin"])
    .limit(PEOPLE_LIMIT)
    .get();
  return snapshot.docs
    .map((doc): Account => ({ ...accountSchema.parse(doc.data()), userId: doc.id }))
    .sort((a, b) => compareNames("th")(a.name ?? "", b.name ?? ""));
}

/**
 * Makes someone staff or admin (or changes their role and scope), in the caller's transaction.
 * The account is enabled and approved; a volunteer's area and number stay on the record.
 */
export function setStaffAccountIn(
  tx: Transaction,
  db: Firestore,
  request: StaffAccountRequest,
  grantedBy: string,
): void {
  tx.set(
    userRef(db, request.userId),
    {
      role: request.role,
      name: request.name,
      scope: request.scope,
      registration: "approved",
      disabled: false,
      grantedBy,
      updatedAt: FieldValue.serverTimestamp(),
    },
    { merge: true },
  );
}

/** A volunteer's registration after staff decided on it, with the reason the volunteer reads. */
export function setRegistrationIn(
  tx: Transaction,
  db: Firestore,
  userId: string,
  decision: { registration: Registration; reason: string | null; decidedBy: string },
): void {
  tx.update(userRef(db, userId), {
    registration: decision.registration,
    registrationReason: decision.reason,
    registrationDecidedBy: decision.decidedBy,
    updatedAt: FieldValue.serverTimestamp(),
  });
}
