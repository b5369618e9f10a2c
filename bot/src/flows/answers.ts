import { cleanUserText, REPORT_CATEGORIES, type ReportLocation } from "@sa/core";
import type { BotInput } from "../input";
import type { FlowContext } from "../context";
import { decodePostback, type Postback } from "../postback";

/** Ways of reading what people type, shared by the report, danger and welfare flows. */

/** A tap's postback, or the cleaned text typed: what a flow's step reads an answer from. */
export function answerOf(input: BotInput): { postback?: Postback; text?: string } {
  if (input.kind === "postback") {
    const postback = decodePostback(input.data);
    return postback ? { postback } : {};
  }
  if (input.kind === "text") return { text: cleanUserText(input.text) };
  return {};
}

const CANCEL_WORDS = ["ยกเลิก", "cancel", "ไม่แจ้งแล้ว", "stop"];
export function isCancelWord(text: string): boolean {
  return CANCEL_WORDS.includes(text.trim().toLowerCase());
}

/** Typed at the first question instead of tapping the red button. */
const URGENT_WORDS = ["ด่วน", "อันตราย", "เหตุด่วน", "ฉุกเฉิน", "urgent", "danger", "emergency"];
export function isUrgentWord(text: string): boolean {
  return URGENT_WORDS.includes(text.trim().toLowerCase());
}

export function categoryFromText(text: string | undefined, ctx: FlowContext): string | undefined {
  if (text === undefined) return undefined;
  const wanted = text.trim().toLowerCase();
  return REPORT_CATEGORIES.find(
    c =>
      ctx.t(`category.short.${c}`).toLowerCase() === wanted ||
      ctx.t(`category.name.${c}`).toLowerCase() === wanted,
  );
}

/** A LINE location message as a report's place: the pin, its address, the area found for it. */
export function sharedLocation(
  input: Extract<BotInput, { kind: "location" }>,
): NonNullable<ReportLocation> {
  return {
    point: {
      latitude: input.latitude,
      longitude: input.longitude,
      ...(input.address && { address: cleanUserText(input.address).slice(0, 500) }),
    },
    ...(input.area && { area: input.area }),
    ...(input.area && input.approximate && { approximate: true }),
  };
}
