import { bangkokDate } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { listFollowUpsDueOn, readCaseIn, caseRef } from "../repositories/case-records";
import { tellIn, type NoticeOptions } from "./notices";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The volunteer hears of a follow-up visit the day before and on the day (Bangkok dates), so a
 * planned visit does not rest on memory. One reminder a follow-up a day however often the sweep
 * runs: the day is written on the case in the transaction that queues the push. The push says
 * only the ticket and when, with an "open" button (it shows on lock screens).
 */
export async function remindFollowUps(db: Firestore, options: NoticeOptions): Promise<number> {
  const today = bangkokDate(options.now);
  const tomorrow = bangkokDate(new Date(options.now.getTime() + DAY_MS));
  let reminded = 0;
  for (const ticket of await listFollowUpsDueOn(db, [today, tomorrow])) {
    const queued = await db.runTransaction(async tx => {
      const report = await readCaseIn(tx, db, ticket);
      const followUp = report?.followUp;
      if (!report || !followUp || report.status === "closed") return false;
      if (followUp.due !== today && followUp.due !== tomorrow) return false;
      if (followUp.remindedOn.includes(today)) return false;
      const key = followUp.due === today ? "followUpToday" : "followUpTomorrow";
      await tellIn(
        tx,
        db,
        ticket,
        [
          {
            to: followUp.volunteerUserId,
            notice: { kind: "update", ticket, key },
            reason: `volunteer.follow_up_${followUp.due === today ? "today" : "tomorrow"}`,
          },
        ],
        options,
      );
      tx.update(caseRef(db, ticket), {
        "followUp.remindedOn": [...followUp.remindedOn, today],
      });
      return true;
    });
    if (queued) reminded++;
  }
  return reminded;
}
