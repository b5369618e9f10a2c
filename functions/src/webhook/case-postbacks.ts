import type { messagingApi } from "@line/bot-sdk";
import { Action, ratingQuestion, textMessage, type Postback } from "@sa/bot";
import { translator, type Report, type TimelineEntry } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { HttpError } from "../api/http-error";
import { canSeeCase } from "../cases/case-access";
import { planStatusChange } from "../cases/status-rules";
import { addTimelineEntry, readCase, type CasePlan } from "../repositories/cases";
import { isActive, readAccount } from "../repositories/users";

export const CASE_ACTIONS: ReadonlySet<string> = new Set([
  Action.caseAcknowledge,
  Action.caseSolved,
  Action.caseNotSolved,
  Action.caseRating,
]);

/** Refusals that are answered in the chat, not errors. */
class Refused extends Error {}

/**
 * Postbacks from pushes about a case: staff taking it ("รับเรื่อง"), the citizen confirming
 * it is solved, reopening it, or rating the help. Each is a timeline entry keyed by the
 * webhook event id, so a redelivered postback changes and notifies nothing twice.
 */
export async function handleCasePostback(
  db: Firestore,
  postback: Postback,
  userId: string,
  eventId: string,
  now: Date,
): Promise<messagingApi.Message[]> {
  const [ticket = "", score] = (postback.value ?? "").split(":");
  const account = await readAccount(db, userId);
  const t = translator(account.language);
  if (!isActive(account)) return [textMessage(t("staff.accountDisabled"))];
  const report = await readCase(db, ticket);
  if (!report) return [textMessage(t("staff.caseGone", { ticket }))];

  const staffName = account.name ?? "";
  let plan: (current: Report) => CasePlan;
  let type: TimelineEntry["type"] = "status";
  let data: Record<string, unknown> = {};
  let reply: (current: Report) => messagingApi.Message[];

  if (postback.action === Action.caseAcknowledge) {
    type = "acknowledged";
    plan = current => {
      if (!canSeeCase(account, current) || (account.role !== "staff" && account.role !== "admin")) {
        throw new Refused(t("staff.notAllowed"));
      }
      // The first to tap owns it; the transaction makes "first" exact.
      if (current.status !== "new") {
        throw new Refused(
          t("staff.alreadyTaken", { ticket, name: current.acknowledgedBy?.name ?? "" }),
        );
      }
      const change = planStatusChange(current, "acknowledged", {
        acknowledgedBy: { userId, name: staffName, at: now.toISOString() },
      });
      const others = (current.routing?.recipients ?? []).filter(id => id !== userId);
      return {
        update: change.update,
        pushes: [
          ...change.pushes,
          ...others.map(to => ({
            to,
            messages: [textMessage(t("staff.takenBy", { ticket, name: staffName }))],
            reason: "staff.taken_by_other",
          })),
        ],
      };
    };
    reply = () => [textMessage(t("staff.youTook", { ticket }))];
  } else {
    // Only the person who reported it may answer for it.
    if (report.reporter.lineUserId !== userId) return [];
    if (postback.action === Action.caseRating) {
      const rating = Number(score);
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return [];
      data = { rating };
      plan = current => ({ update: { feedback: { ...current.feedback, rating } }, pushes: [] });
      reply = () => [textMessage(t("notify.thanksRating"))];
    } else if (postback.action === Action.caseSolved) {
      data = { solved: true };
      plan = current => {
        if (current.status !== "resolved") throw new Refused(t("notify.closedAlready"));
        return planStatusChange(current, "closed", {
          feedback: { ...current.feedback, solved: true },
        });
      };
      reply = () => [ratingQuestion(ticket, t)];
    } else {
      data = { solved: false };
      plan = current => {
        if (current.status !== "resolved") throw new Refused(t("notify.closedAlready"));
        const change = planStatusChange(current, "reopened", {
          feedback: { ...current.feedback, solved: false },
        });
        // Whoever took the case, or else everyone it was routed to, hears it came back.
        const staff = current.acknowledgedBy
          ? [current.acknowledgedBy.userId]
          : (current.routing?.recipients ?? []);
        const volunteer = current.assignee ? [current.assignee.userId] : [];
        const th = translator("th");
        return {
          update: change.update,
          pushes: [...staff, ...volunteer].map(to => ({
            to,
            messages: [textMessage(th("staff.reopenedAlt", { ticket }))],
            reason: "staff.reopened",
          })),
        };
      };
      reply = () => [textMessage(t("notify.reopened", { ticket }))];
    }
  }

  const entry: TimelineEntry = {
    id: `line-${eventId}`,
    type,
    at: now.toISOString(),
    by: {
      name: postback.action === Action.caseAcknowledge ? staffName : "",
      role: postback.action === Action.caseAcknowledge ? account.role : "citizen",
    },
    data: postback.action === Action.caseAcknowledge ? {} : { ...data, status: undefined },
  };
  try {
    const result = await addTimelineEntry(db, ticket, entry, plan, now);
    return result.created ? reply(result.report) : [];
  } catch (error) {
    if (error instanceof Refused) return [textMessage(error.message)];
    if (error instanceof HttpError && error.status === 409)
      return [textMessage(t("notify.closedAlready"))];
    throw error;
  }
}
