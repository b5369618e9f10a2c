import { reminderDates, reminderDue } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { caseRef, listFollowUpsDueOn, readCaseIn } from "../repositories/case-records";
import { tellIn, type NoticeOptions } from "./notices";

/**
 * The volunteer hears of a follow-up visit the day before and on the day (Bangkok dates, the
 * rule in core/src/follow-up.ts), so a planned visit does not rest on memory. One reminder a
 * follow-up a day however often the sweep runs: the day is written on the case in the
 * transaction that queues the push. The push says only the ticket and when, with an "open"
 * button (it shows on lock screens).
 */
export async function remindFollowUps(db: Firestore, options: NoticeOptions): Promise<number> {
  const { today, tomorrow } = reminderDates(options.now);
  let reminded = 0;
  for (const ticket of await listFollowUpsDueOn(db, [today, tomorrow])) {
    const queued = await db.runTransaction(async tx => {
      const report = await readCaseIn(tx, db, ticket);
      const followUp = report?.followUp;
      if (!report || !followUp || report.status === "closed") return false;
      const day = reminderDue(followUp, options.now);
      if (!day) return false;
      await tellIn(
        tx,
        db,
        ticket,
        [
          {
            to: followUp.volunteerUserId,
            notice: {
              kind: "update",
              ticket,
              key: day === "today" ? "followUpToday" : "followUpTomorrow",
            },
            reason: `volunteer.follow_up_${day}`,
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
