import {
  cleanUserText,
  DANGER_HOTLINES,
  detectDanger,
  MAX_DESCRIPTION_LENGTH,
  type EmergencyNumber,
  type ReportDraft,
} from "@sa/core";
import type { messagingApi } from "@line/bot-sdk";
import type { BotInput } from "./input";
import type { FlowContext, FlowResult } from "./context";
import { Action, decodePostback, encodePostback } from "./postback";
import { IDLE, type Session } from "./session";
import { isCancelWord, isEnglishSentence, typedAnswer } from "./flows/answers";
import {
  abandon,
  continueReport,
  draftFiles,
  offerReport,
  prompt,
  startReport,
} from "./flows/report-flow";
import {
  continueUrgent,
  repeatUrgent,
  startUrgent,
  stopUrgent,
  urgentPrompt,
} from "./flows/urgent-flow";
import { continueWelfare, startWelfare, welfarePrompt } from "./flows/welfare-flow";
import { emergencyCallCard } from "./messages/emergency-card";
import { mainMenuItems } from "./messages/main-menu";
import { afterCancel, discardCancelled } from "./flows/undo-cancel";
import { eraseQuestion } from "./messages/my-data";
import { locationItem, postbackItem, textMessage } from "./messages/quick-reply";

type Intent =
  | "report"
  | "urgent"
  | "track"
  | "welfare"
  | "hotline"
  | "nearby"
  | "myData"
  | "eraseAsk"
  | "eraseConfirm"
  | "eraseKeep"
  | "th"
  | "en";

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
  ข้อมูลของฉัน: "myData",
  "my data": "myData",
  ลบข้อมูลของฉัน: "eraseAsk",
  "delete my data": "eraseAsk",
  "erase my data": "eraseAsk",
  ศูนย์ใกล้ฉัน: "nearby",
  ศูนย์ใกล้บ้าน: "nearby",
  "nearest centre": "nearby",
  "centre near me": "nearby",
  "1300": "hotline",
  "โทร 1300": "hotline",
  "call 1300": "hotline",
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
      case Action.menuNearby:
        return "nearby";
      case Action.urgent:
        return "urgent";
      case Action.myData:
        return "myData";
      case Action.eraseAsk:
        return "eraseAsk";
      case Action.eraseConfirm:
        return "eraseConfirm";
      case Action.eraseKeep:
        return "eraseKeep";
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
  const intent = intentOf(input) ?? englishAtThaiStep(input, ctx);

  if (session.flow === "report" && session.cancelled)
    return afterCancel(session, input, ctx, next => converse(IDLE, next, ctx));
  if (session.flow !== "idle" && Date.parse(session.expiresAt) <= ctx.now.getTime()) {
    const dropped = dropSession(session, t);
    // The message that woke the old session is not an answer to its question any more:
    // only a menu choice is carried out; anything else just hears that the session ended.
    if (!intent) {
      // A photo, voice note or video fetched for the old draft goes with it.
      const late = storedFile(input);
      return {
        ...dropped,
        replies: [textMessage(visibleNotice(dropped), mainMenuItems(t, ctx.language))],
        commands: late.length
          ? [...dropped.commands, { type: "discardPhotos", paths: late }]
          : dropped.commands,
      };
    }
    const rest = converse(IDLE, input, ctx);
    return {
      session: rest.session,
      replies: [...dropped.replies, ...rest.replies].slice(0, 5),
      commands: [...dropped.commands, ...rest.commands],
    };
  }

  if (intent === "th" || intent === "en") {
    // The switch confirmation is written in the new language.
    const switched = { ...ctx, language: intent, t: ctx.tFor(intent) };
    const replies: messagingApi.Message[] = [
      textMessage(
        switched.t("language.switched"),
        session.flow === "idle" ? mainMenuItems(switched.t, intent) : undefined,
      ),
    ];
    if (session.flow === "report") replies.push(prompt(session.step, session, switched));
    if (session.flow === "welfare") replies.push(welfarePrompt(session, switched));
    if (session.flow === "urgent") replies.push(urgentPrompt(session, switched));
    return { session, replies, commands: [{ type: "setLanguage", language: intent }] };
  }

  if (intent === "hotline") {
    return { session, replies: [emergencyCallCard(t)], commands: [] };
  }
  // The citizen's rights over their data, whatever they were doing (PDPA s.30 and s.33).
  if (
    intent === "myData" ||
    intent === "eraseAsk" ||
    intent === "eraseConfirm" ||
    intent === "eraseKeep"
  ) {
    return dataRights(session, intent, ctx);
  }
  if (session.flow === "urgent") {
    if (intent === "urgent") return repeatUrgent(session, ctx);
    // Danger words here are the story being told: the card is already on screen.
    if (intent === "report" || intent === "welfare" || intent === "nearby") {
      return {
        session,
        replies: [textMessage(t("urgent.stillOpen")), urgentPrompt(session, ctx)],
        commands: [],
      };
    }
    return continueUrgent(session, input, ctx);
  }
  // Danger first: from the red button of the first question or anywhere else, whatever the
  // citizen was doing. What an ordinary report already had goes into the urgent one.
  if (intent === "urgent") {
    return startUrgent(ctx, session.flow === "report" ? { draft: session.draft } : {});
  }
  // Danger words anywhere else bring the call card first; the conversation then goes on as it
  // would have, with "report it as urgent" one tap away.
  const danger = !intent && input.kind === "text" ? detectDanger(input.text) : undefined;
  if (danger) {
    const rest = converseCalm(session, input, intent, ctx);
    return withDangerCard(rest, DANGER_HOTLINES[danger.kind][0] ?? "191", ctx);
  }
  return converseCalm(session, input, intent, ctx);
}

/** The conversation when nothing said calls for the danger card. */
function converseCalm(
  session: Session,
  input: BotInput,
  intent: Intent | undefined,
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  if (intent === "track") {
    return { session, replies: [], commands: [{ type: "showMyReports" }] };
  }

  if (session.flow === "report") {
    if (session.step === "offer") {
      // Not yet a report: the menu's report button says yes to it, another choice replaces it.
      if (intent === "report")
        return continueReport(
          session,
          { kind: "postback", data: encodePostback(Action.offerYes) },
          ctx,
        );
      if (intent === "welfare") {
        const dropped = abandon(session, "");
        return { ...startWelfare(ctx), commands: dropped.commands };
      }
    }
    // A location sent now is the report's place, so the centres wait until the report is done.
    if (intent === "report" || intent === "welfare" || intent === "nearby") {
      return {
        session,
        replies: [textMessage(t("report.alreadyReporting")), prompt(session.step, session, ctx)],
        commands: [],
      };
    }
    return continueReport(session, input, ctx);
  }

  if (session.flow === "welfare") {
    // A benefit check holds nothing worth keeping: a new choice from the menu replaces it.
    if (intent === "report") return startReport(ctx);
    if (intent === "welfare") return startWelfare(ctx);
    if (intent === "nearby") return askNearbyLocation(ctx);
    if (isCancel(input)) {
      return {
        session: IDLE,
        replies: [textMessage(t("welfareChat.cancelled"), mainMenuItems(t, ctx.language))],
        commands: [],
      };
    }
    return continueWelfare(session, input, ctx);
  }

  switch (intent) {
    case "report":
      return startReport(ctx);
    case "welfare":
      return startWelfare(ctx);
    case "nearby":
      return askNearbyLocation(ctx);
  }

  const menu = mainMenuItems(t, ctx.language);
  // Story first: what happened, told or shown without the menu, starts a report with it.
  const story = storyOf(input);
  if (story) return offerReport(story, ctx);
  switch (input.kind) {
    case "follow":
      return { session, replies: [textMessage(t("welcome"), menu)], commands: [] };
    case "unsupported":
      return {
        session,
        replies: [
          textMessage(t(input.messageType === "sticker" ? "sticker" : "unsupported"), menu),
        ],
        commands: [],
      };
    case "location":
      // Nothing under way asked for a place: a shared location is a question about help nearby.
      if (!input.area || input.outsideThailand) {
        return { session, replies: [textMessage(t("nearby.outside"), menu)], commands: [] };
      }
      return {
        session,
        replies: [],
        commands: [
          {
            type: "showNearbyHelpPoints",
            latitude: input.latitude,
            longitude: input.longitude,
            provinceCode: input.area.provinceCode,
          },
        ],
      };
    case "image":
    case "audio":
    case "video":
      // Not kept (not really an image, too large, not ready): say why, so they can try again.
      return {
        session,
        replies: [textMessage(t(`report.mediaRefused.${input.refused ?? "failed"}`), menu)],
        commands: [],
      };
    default:
      return { session, replies: [textMessage(t("help"), menu)], commands: [] };
  }
}

/** "ศูนย์ใกล้ฉัน": LINE's location picker, one tap away. */
function askNearbyLocation(ctx: FlowContext): FlowResult {
  const { t } = ctx;
  return {
    session: IDLE,
    replies: [
      textMessage(t("nearby.askLocation"), [
        locationItem(t("nearby.shareLocation")),
        postbackItem(t("menu.call1300"), encodePostback(Action.menuHotline)),
      ]),
    ],
    commands: [],
  };
}

/** Shorter than this, or a greeting, a typed message is small talk rather than a story. */
const MIN_STORY_LENGTH = 12;
const SMALL_TALK =
  /^(สวัสดี|หวัดดี|ดีค่ะ|ดีครับ|ขอบคุณ|ขอบใจ|hello|hi|hey|thank|good (morning|afternoon|evening))/i;

/** What a message outside any flow gives a new report, or undefined when it is not a story. */
function storyOf(input: BotInput): ReportDraft | undefined {
  if (input.kind === "image") return input.photo ? { photos: [input.photo] } : undefined;
  if (input.kind === "audio" || input.kind === "video") {
    if (!input.media) return undefined;
    const media = [{ path: input.media, kind: input.kind, durationMs: input.durationMs }];
    // A voice note is the story told aloud: it stands for the description.
    return input.kind === "audio" ? { description: "", media } : { media };
  }
  if (input.kind !== "text") return undefined;
  const text = cleanUserText(input.text);
  if (Array.from(text).length < MIN_STORY_LENGTH || SMALL_TALK.test(text)) return undefined;
  // A bare "ใช่"/"ok" typed out of place is not a story either.
  if (typedAnswer(text)) return undefined;
  if (text.length > MAX_DESCRIPTION_LENGTH) return undefined;
  return { description: text };
}

/**
 * "ข้อมูลของฉัน" shows what is held; "ลบข้อมูลของฉัน" asks first, and only the confirm button
 * erases. The conversation under way stays until the erase, which ends it (a draft's photos go).
 */
function dataRights(
  session: Session,
  intent: "myData" | "eraseAsk" | "eraseConfirm" | "eraseKeep",
  ctx: FlowContext,
): FlowResult {
  const { t } = ctx;
  switch (intent) {
    case "myData":
      return {
        session,
        replies: [],
        commands: [{ type: "showMyData", conversation: session.flow !== "idle" }],
      };
    case "eraseAsk":
      return { session, replies: [eraseQuestion(t)], commands: [] };
    case "eraseKeep":
      return {
        session,
        replies: [
          textMessage(
            t("erase.notErased"),
            session.flow === "idle" ? mainMenuItems(t, ctx.language) : undefined,
          ),
        ],
        commands: [],
      };
    case "eraseConfirm": {
      const photos = session.flow === "report" ? draftFiles(session.draft) : [];
      return {
        session: IDLE,
        replies: [],
        commands: [
          { type: "eraseMyData" },
          ...(photos.length > 0 ? [{ type: "discardPhotos" as const, paths: photos }] : []),
        ],
      };
    }
  }
}

/** A session that ran out: drafts go, an urgent report stays with what it has. */
export function dropSession(
  session: Exclude<Session, { flow: "idle" }>,
  t: FlowContext["t"],
): FlowResult {
  switch (session.flow) {
    case "report":
      // A cancelled report's minute is over: its files go quietly, the person was told already.
      if (session.cancelled)
        return { session: IDLE, replies: [], commands: discardCancelled(session) };
      return abandon(session, t("report.expired"));
    case "urgent":
      return stopUrgent(session, t("urgent.expired", { ticket: session.ticket }));
    case "welfare":
      return { session: IDLE, replies: [textMessage(t("welfareChat.expired"))], commands: [] };
  }
}

/**
 * "Can you speak English?" typed while the bot speaks Thai is a request to switch, not an answer
 * (nor a story to report): the question is asked again in English. Danger words come first.
 */
function englishAtThaiStep(input: BotInput, ctx: FlowContext): Intent | undefined {
  if (ctx.language !== "th" || input.kind !== "text") return undefined;
  if (detectDanger(input.text)) return undefined;
  return isEnglishSentence(cleanUserText(input.text)) ? "en" : undefined;
}

function storedFile(input: BotInput): string[] {
  if (input.kind === "image") return input.photo ? [input.photo] : [];
  if (input.kind === "audio" || input.kind === "video") return input.media ? [input.media] : [];
  return [];
}

function visibleNotice(result: FlowResult): string {
  const first = result.replies[0];
  return first && first.type === "text" ? first.text : "";
}

function isCancel(input: BotInput): boolean {
  if (input.kind === "postback") return decodePostback(input.data)?.action === Action.cancel;
  return input.kind === "text" && isCancelWord(cleanUserText(input.text));
}

/**
 * The call card before what the conversation says anyway, and "report it as urgent" added to the
 * last message's buttons (quick replies show on the last message only).
 */
function withDangerCard(result: FlowResult, first: EmergencyNumber, ctx: FlowContext): FlowResult {
  const offer = postbackItem(ctx.t("danger.offerButton"), encodePostback(Action.urgent));
  const replies = result.replies.slice(0, 3);
  const last = replies.pop();
  const items = last && "quickReply" in last ? (last.quickReply?.items ?? []) : [];
  const offered = last
    ? { ...last, quickReply: { items: [offer, ...items].slice(0, 13) } }
    : textMessage(ctx.t("danger.offer"), [offer]);
  return {
    ...result,
    replies: [
      emergencyCallCard(ctx.t, first),
      ...(last ? [textMessage(ctx.t("danger.offer"))] : []),
      ...replies,
      offered,
    ],
  };
}
