import type { messagingApi } from "@line/bot-sdk";
import { Action, ratingQuestion, textMessage, type Postback } from "@sa/bot";
import { translator, type Translate } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { confirmSolved, rateCase, reopenCase, takeCase } from "../cases/case-changes";
import { CaseError, type CaseErrorCode } from "../cases/case-errors";
import { changeCase, type CaseChange } from "../cases/case-service";
import type { NoticeOptions } from "../cases/notices";
import { isActive, readAccount } from "../repositories/users";

export const CASE_ACTIONS: ReadonlySet<string> = new Set([
  Action.caseAcknowledge,
  Action.caseSolved,
  Action.caseNotSolved,
  Action.caseRating,
]);

/**
 * The polite chat reply to each refusal of the case service (the api answers with a status).
 * Empty: say nothing (e.g. someone tapping a button of a report that is not theirs).
 */
function refusalReply(
  error: CaseError,
  staff: boolean,
  ticket: string,
  t: Translate,
): messagingApi.Message[] {
  const text: Record<CaseErrorCode, string | undefined> = {
    NotFound: t("staff.caseGone", { ticket }),
    NotAllowed: staff ? t("staff.notAllowed") : undefined,
    AlreadyTaken: t("staff.alreadyTaken", { ticket, name: error.detail.name ?? "" }),
    InvalidTransition: t("notify.closedAlready"),
    NotYetResolved: t("notify.ratingNotYet"),
    AlreadyRated: t("notify.alreadyRated"),
    InvalidVolunteer: undefined,
    FollowUpOpen: undefined,
  };
  const reply = text[error.code];
  return reply ? [textMessage(reply)] : [];
}

/**
 * Postbacks from pushes about a case: staff taking it ("รับเรื่อง"), the citizen confirming
 * it is solved, reopening it, or rating the help. Each goes through the case service, keyed by
 * the webhook event id, so a redelivered postback changes and notifies nothing twice.
 */
export async function handleCasePostback(
  db: Firestore,
  postback: Postback,
  userId: string,
  eventId: string,
  options: NoticeOptions,
): Promise<messagingApi.Message[]> {
  const { now } = options;
  const [ticket = "", score] = (postback.value ?? "").split(":");
  // For the reply's language and a disabled account only: access is decided inside the case
  // service's transaction.
  const account = await readAccount(db, userId);
  const t = translator(account.language);
  if (!isActive(account)) return [textMessage(t("staff.accountDisabled"))];
  const staff = postback.action === Action.caseAcknowledge;

  let change: CaseChange;
  let reply: () => messagingApi.Message[];
  if (staff) {
    change = takeCase({ type: "acknowledged", data: {}, now });
    reply = () => [textMessage(t("staff.youTook", { ticket }))];
  } else if (postback.action === Action.caseRating) {
    const rating = Number(score);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) return [];
    change = rateCase(rating);
    reply = () => [textMessage(t("notify.thanksRating"))];
  } else if (postback.action === Action.caseSolved) {
    change = confirmSolved();
    reply = () => [ratingQuestion(ticket, t)];
  } else {
    change = reopenCase();
    reply = () => [textMessage(t("notify.reopened", { ticket }))];
  }

  try {
    const result = await changeCase(db, { userId }, ticket, change, {
      id: `line-${eventId}`,
      ...options,
    });
    return result.created ? reply() : [];
  } catch (error) {
    if (error instanceof CaseError) return refusalReply(error, staff, ticket, t);
    throw error;
  }
}
