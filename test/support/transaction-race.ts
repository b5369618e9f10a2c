import type { Firestore, Transaction } from "firebase-admin/firestore";
import { CHIANG_MAI_SI_PHUM } from "./accounts";

/** gRPC's ABORTED: what Firestore answers when a transaction's reads changed before commit. */
const ABORTED = 10;

/**
 * The Firestore handle a service uses, with `change` slipped in between two attempts of its
 * transaction: the first attempt runs (checks pass, writes are planned) and is then aborted, as
 * Firestore aborts one whose reads changed before commit; `change` lands; the second attempt
 * runs against the changed data. The same interleaving on every run, without timing.
 * `attempts` holds what each finished attempt returned.
 */
export function changedBetweenAttempts(db: Firestore, change: (db: Firestore) => Promise<unknown>) {
  const attempts: unknown[] = [];
  const racing = new Proxy(db, {
    get(target, property) {
      if (property !== "runTransaction") {
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      }
      return <T>(run: (tx: Transaction) => Promise<T>) =>
        target.runTransaction(async tx => {
          if (attempts.length === 1) await change(target);
          const result = await run(tx);
          attempts.push(result);
          if (attempts.length === 1) {
            throw Object.assign(new Error("the data changed meanwhile"), { code: ABORTED });
          }
          return result;
        });
    },
  });
  return { racing, attempts };
}

/** The approved volunteer of Chiang Mai's ศรีภูมิ whose access the race tests take away. */
export async function seedRaceVolunteer(db: Firestore, userId: string): Promise<void> {
  await db.collection("users").doc(userId).set({
    role: "volunteer",
    registration: "approved",
    name: "อพม. ทดสอบ",
    area: CHIANG_MAI_SI_PHUM,
    language: "th",
  });
}
