import { isLanguage, type Language } from "@sa/core";
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
  const data = (await tx.get(userRef(db, userId))).data();
  if (!data) return undefined;
  return { language: isLanguage(data.language) ? data.language : "th" };
}

export async function userExists(db: Firestore, userId: string): Promise<boolean> {
  return (await userRef(db, userId).get()).exists;
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
