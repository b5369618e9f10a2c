import type { BotInput } from "../input";
import type { FlowContext, FlowResult } from "../context";
import { mainMenuItems } from "../messages/main-menu";
import { postbackItem, textMessage } from "../messages/quick-reply";
import { Action, decodePostback, encodePostback } from "../postback";
import { IDLE, renewed, UNDO_CANCEL_MS, type ReportSession } from "../session";
import { abandon, prompt } from "./report-flow";
import { typedAnswer } from "./answers";

/**
 * "ยกเลิก" is easy to tap by mistake and a report may have taken a while to tell: the draft is
 * kept, where it was, for one minute, with "เอาเรื่องกลับมา" offered. Its files stay until then.
 */
export function cancelReport(session: ReportSession, ctx: FlowContext): FlowResult {
  const { t } = ctx;
  const until = new Date(ctx.now.getTime() + UNDO_CANCEL_MS).toISOString();
  return {
    session: { ...session, cancelled: true, expiresAt: until },
    replies: [
      textMessage(t("report.cancelledUndoable"), [
        postbackItem(t("report.undoCancel"), encodePostback(Action.undoCancel)),
      ]),
    ],
    commands: [],
  };
}

/** The files of a cancelled draft, dropped once the minute is over or something else is said. */
export const discardCancelled = (session: ReportSession) => abandon(session, "").commands;

/**
 * The next message after cancelling: "เอาเรื่องกลับมา" within the minute brings the draft back at
 * its question; anything else lets it go and is answered as if no report were open (`idle`).
 */
export function afterCancel(
  session: ReportSession,
  input: BotInput,
  ctx: FlowContext,
  idle: (input: BotInput) => FlowResult,
): FlowResult {
  const { t } = ctx;
  // The button, or the same typed: "เอาเรื่องกลับมาค่ะ", "เอากลับมา", "undo".
  const undo =
    input.kind === "postback"
      ? decodePostback(input.data)?.action === Action.undoCancel
      : input.kind === "text" && typedAnswer(input.text) === "undo";
  const inTime = Date.parse(session.expiresAt) > ctx.now.getTime();
  if (undo && inTime) {
    const { cancelled: _, ...draft } = session;
    const restored = renewed(draft, ctx);
    return { session: restored, replies: [prompt(restored.step, restored, ctx)], commands: [] };
  }
  const dropped = discardCancelled(session);
  if (undo)
    return {
      session: IDLE,
      replies: [textMessage(t("report.undoTooLate"), mainMenuItems(t, ctx.language))],
      commands: dropped,
    };
  const rest = idle(input);
  return { ...rest, commands: [...dropped, ...rest.commands] };
}
