import { cleanUserText } from "@sa/core";
import type { messagingApi } from "@line/bot-sdk";
import type { BotInput } from "./input";
import type { FlowContext, FlowResult } from "./context";
import { Action, decodePostback } from "./postback";
import { IDLE, type Session } from "./session";
import { abandon, continueReport, prompt, startReport } from "./flows/report-flow";
import { hotlineMessage } from "./messages/hotline";
import { mainMenuItems } from "./messages/main-menu";
import { textMessage } from "./messages/quick-reply";

type Intent = "report" | "track" | "welfare" | "hotline" | "th" | "en";

// Words people type instead of tapping the menu. Kept short: anything else gets the help reply.
const TEXT_INTENTS: Record<string, Intent> = {
  แจ้งเรื่อง: "report",
  แจ้งเหตุ: "report",
  ขอความช่วยเหลือ: "report",
  report: "report",
  ติดตามเรื่อง: "track",
  ติดตาม: "track",
  "my reports": "track",
  track: "track",
  ตรวจสอบสิทธิ์: "welfare",
  สวัสดิการ: "welfare",
  "check benefits": "welfare",
  welfare: "welfare",
  "1300": "hotline",
  "โทร 1300": "hotline",
  ช่วยด้วย: "hotline",
  "call 1300": "hotline",
  help: "hotline",
  english: "en",
  en: "en",
  ภาษาไทย: "th",
  ไทย: "th",
  thai: "th",
};

function intentOf(input: BotInput): Intent | undefined {
  if (input.kind === "postback") {
    const postback = decodePostback(input.data);
    switch (postback?.action) {
      case Action.menuReport:
        return "report";
      case Action.menuTrack:
        return "track";
      case Action.menuWelfare:
        return "welfare";
      case Action.menuHotline:
        return "hotline";
      case Action.language:
        return postback.value === "en" ? "en" : "th";
    }
    return undefined;
  }
  if (input.kind === "text") return TEXT_INTENTS[cleanUserText(input.text).toLowerCase()];
  return undefined;
}

/**
 * One step of the conversation: `(session, input, context) → (session, replies, commands)`.
 * Pure: the caller loads and saves the session, sends the replies and carries out the commands.
 */
export function converse(session: Session, input: BotInput, ctx: FlowContext): FlowResult {
  const { t } = ctx;
  const intent = intentOf(input);
  const notices: messagingApi.Message[] = [];
  let current = session;

  if (current.flow === "report" && Date.parse(current.expiresAt) <= ctx.now.getTime()) {
    const dropped = abandon(current, t("report.expired"));
    // The message that woke the old session is not an answer to its question any more:
    // only a menu choice is carried out; anything else just hears that the session ended.
    if (!intent)
      return {
        ...dropped,
        replies: [textMessage(t("report.expired"), mainMenuItems(t, ctx.language))],
      };
    notices.push(...dropped.replies);
    current = IDLE;
    const rest = converse(current, input, ctx);
    return {
      ...rest,
      replies: [...notices, ...rest.replies].slice(0, 5),
      commands: [...dropped.commands, ...rest.commands],
    };
  }

  if (intent === "th" || intent === "en") {
    // The switch confirmation is written in the new language.
    const switched = { ...ctx, language: intent, t: ctx.tFor(intent) };
    const replies: messagingApi.Message[] = [
      textMessage(
        switched.t("language.switched"),
        current.flow === "idle" ? mainMenuItems(switched.t, intent) : undefined,
      ),
    ];
    if (current.flow === "report") replies.push(prompt(current.step, current, switched));
    return { session: current, replies, commands: [{ type: "setLanguage", language: intent }] };
  }

  if (intent === "hotline") {
    return { session: current, replies: [hotlineMessage(t)], commands: [] };
  }

  if (current.flow === "report") {
    if (intent === "track")
      return { session: current, replies: [], commands: [{ type: "showMyReports" }] };
    if (intent === "report" || intent === "welfare") {
      return {
        session: current,
        replies: [textMessage(t("report.alreadyReporting")), prompt(current.step, current, ctx)],
        commands: [],
      };
    }
    return continueReport(current, input, ctx);
  }

  switch (intent) {
    case "report":
      return startReport(ctx);
    case "track":
      return { session: current, replies: [], commands: [{ type: "showMyReports" }] };
    case "welfare":
      return {
        session: current,
        replies: [textMessage(t("welfareSoon"), mainMenuItems(t, ctx.language))],
        commands: [],
      };
  }

  const menu = mainMenuItems(t, ctx.language);
  switch (input.kind) {
    case "follow":
      return { session: current, replies: [textMessage(t("welcome"), menu)], commands: [] };
    case "unsupported":
      return {
        session: current,
        replies: [
          textMessage(t(input.messageType === "sticker" ? "sticker" : "unsupported"), menu),
        ],
        commands: [],
      };
    case "image":
      return {
        session: current,
        replies: [textMessage(t("help"), menu)],
        commands: input.photo ? [{ type: "discardPhotos", paths: [input.photo] }] : [],
      };
    default:
      return { session: current, replies: [textMessage(t("help"), menu)], commands: [] };
  }
}
