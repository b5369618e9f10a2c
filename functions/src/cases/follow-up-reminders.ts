import { reminderDates, reminderDue, type FollowUp } from "@sa/core";
import type { DocumentReference, Firestore, Transaction } from "firebase-admin/firestore";
import { caseRef, listFollowUpsDueOn, readCaseIn } from "../repositories/case-records";
import {
  householdRef,
  listHouseholdFollowUpsDueOn,
  readHouseholdIn,
} from "../repositories/households";
import { tellIn, type Notice, type NoticeOptions } from "./notices";

/** Where open follow-ups are kept: cases and target households. */
interface FollowUpSource {
  list(db: Firestore, dates: string[]): Promise<string[]>;
  /** The open follow-up of a record, read in the transaction; undefined once it is over. */
  read(tx: Transaction, db: Firestore, id: string): Promise<FollowUp | undefined>;
  ref(db: Firestore, id: string): DocumentReference;
  notice(id: string, day: "today" | "tomorrow"): Notice;
  reason: string;
}

const SOURCES: FollowUpSource[] = [
  {
    list: listFollowUpsDueOn,
    read: async (tx, db, ticket) => {
      const report = await readCaseIn(tx, db, ticket);
      return report?.status === "closed" ? undefined : (report?.followUp ?? undefined);
    },
    ref: caseRef,
    notice: (ticket, day) => ({
      kind: "update",
      ticket,
      key: day === "today" ? "followUpToday" : "followUpTomorrow",
    }),
    reason: "volunteer.follow_up",
  },
  {
    list: listHouseholdFollowUpsDueOn,
    read: async (tx, db, id) => (await readHouseholdIn(tx, db, id))?.followUp ?? undefined,
    ref: householdRef,
    notice: (householdId, day) => ({
      kind: "household",
      householdId,
      key: day === "today" ? "householdFollowUpToday" : "householdFollowUpTomorrow",
    }),
    reason: "volunteer.household_follow_up",
  },
];

/**
 * The volunteer hears of a follow-up visit, to a case or a household, the day before and on
 * the day (Bangkok dates, the rule in core/src/follow-up-rule.ts), so a planned visit does not
 * rest on memory. One reminder a follow-up a day however often the sweep runs: the day is
 * written on the record in the transaction that queues the push. The push says only the ticket
 * or household id and when, with an "open" button (it shows on lock screens).
 */
export async function remindFollowUps(db: Firestore, options: NoticeOptions): Promise<number> {
  const { today, tomorrow } = reminderDates(options.now);
  let reminded = 0;
  for (const source of SOURCES) {
    for (const id of await source.list(db, [today, tomorrow])) {
      const queued = await db.runTransaction(async tx => {
        const followUp = await source.read(tx, db, id);
        const day = followUp && reminderDue(followUp, options.now);
        if (!followUp || !day) return false;
        await tellIn(
          tx,
          db,
          id,
          [
            {
              to: followUp.volunteerUserId,
              notice: source.notice(id, day),
              reason: `${source.reason}_${day}`,
            },
          ],
          options,
        );
        tx.update(source.ref(db, id), { "followUp.remindedOn": [...followUp.remindedOn, today] });
        return true;
      });
      if (queued) reminded++;
    }
  }
  return reminded;
}
