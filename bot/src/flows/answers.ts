import {
  cleanUserText,
  parseThaiPhone,
  CASE_CATEGORIES,
  toAsciiDigits,
  type CaseLocation,
} from "@sa/core";
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

export function isCancelWord(text: string): boolean {
  return typedAnswer(text) === "cancel";
}

/**
 * What a typed reply means where buttons are offered. "yes" covers ใช่/ได้/มี/ตกลง and also
 * ยืนยัน/ยินยอม/ส่ง (a step that asks to confirm reads them the same); "no" covers
 * ไม่ใช่/ไม่ได้/ไม่มี/ไม่สะดวก; "skip" is ข้าม; "cancel" is ยกเลิก; "undo" is เอาเรื่องกลับมา
 * (offered for a minute after a cancel).
 */
export type TypedAnswer = "yes" | "no" | "skip" | "cancel" | "undo";

const ANSWER_WORDS: Record<TypedAnswer, readonly string[]> = {
  yes: [
    "ใช่",
    "ช่าย",
    "ไช่",
    "ใช",
    "ชั่ย",
    "ได้",
    "ได",
    "ด้าย",
    "มี",
    "ตกลง",
    "โอเค",
    "โอเคร",
    "เอา",
    "ถูกต้อง",
    "ถูก",
    "ยืนยัน",
    "ยินยอม",
    "ยอมรับ",
    "ยินยอมและส่งเรื่อง",
    "ยืนยันส่งเรื่อง",
    "ส่ง",
    "ส่งเรื่อง",
    "แจ้ง",
    "แจ้งเรื่องนี้",
    "ต้องการ",
    // The welfare questions' natural answers to ไหม: ได้รับ, อยู่, เป็น.
    "ได้รับ",
    "อยู่",
    "เป็น",
    "ถึงแล้ว",
    "yes",
    "yeah",
    "yep",
    "y",
    "ok",
    "okay",
    "sure",
    "confirm",
    "agree",
    "iagree",
    "send",
    "submit",
  ],
  no: [
    "ไม่ใช่",
    "ไม่ช่าย",
    "ไม่ไช่",
    "ไม่",
    "ไม่ได้",
    "ไม่ได",
    "ไม่มี",
    "ไม่เอา",
    "ไม่ต้อง",
    "ไม่สะดวก",
    "ไม่สะดวกให้เบอร์",
    "ไม่ยินยอม",
    "ไม่ยืนยัน",
    "ไม่ส่ง",
    "ไม่ให้",
    "ไม่ให้เบอร์",
    "ไม่แจ้ง",
    "ไม่ต้องการ",
    "ไม่ได้รับ",
    "ไม่ได้อยู่",
    "ไม่อยู่",
    "ไม่เป็น",
    "no",
    "nope",
    "n",
    "nothanks",
  ],
  skip: ["ข้าม", "ขาม", "ข้ามไป", "ผ่าน", "ไม่มีรูป", "skip", "next", "เสร็จ", "done"],
  cancel: ["ยกเลิก", "ยกเลิด", "ไม่แจ้งแล้ว", "cancel", "stop"],
  undo: [
    "เอาเรื่องกลับมา",
    "เอากลับมา",
    "เอาคืน",
    "เอาเรื่องคืน",
    "ขอคืน",
    "ขอเรื่องคืน",
    "ยกเลิกการยกเลิก",
    "ไม่ยกเลิก",
    "กดผิด",
    "undo",
    "bringitback",
    "bringback",
    "restore",
  ],
};

/** Said at the end of a reply out of politeness; they change nothing. */
const PARTICLES =
  /(ค่ะ|คะ|ค่า|คร่ะ|คับ|ครับ|ครัฟ|ฮะ|จ้า|จ้ะ|จ๊ะ|จ่ะ|นะ|น่ะ|น้า|เลย|แล้ว|please|thanks|thankyou)$/;

/**
 * The reply reduced to its words — lower case, no spaces or punctuation — first as said, then
 * with each polite particle taken off the end in turn ("ไม่แจ้งแล้วค่ะ" → "ไม่แจ้งแล้ว" → "ไม่แจ้ง").
 */
export function answerForms(text: string): string[] {
  let said = cleanUserText(text)
    .toLowerCase()
    .replace(/[\s.,!?~"'()ๆ]+/g, "")
    // "ค่าาาา", "yesss": a letter held down.
    .replace(/(.)\1{2,}/gu, "$1");
  const forms = [said];
  for (let i = 0; i < 4; i++) {
    const shorter = said.replace(PARTICLES, "");
    if (shorter === said || shorter.length === 0) break;
    forms.push((said = shorter));
  }
  return forms;
}

const ANSWER_OF = new Map<string, TypedAnswer>(
  (Object.entries(ANSWER_WORDS) as [TypedAnswer, readonly string[]][]).flatMap(([answer, words]) =>
    words.map(word => [word, answer] as const),
  ),
);

/** Longer words may carry one slip of the finger ("ยืนยน", "ยินยอน"); short ones must be exact. */
const FUZZY_MIN_LENGTH = 5;

export function typedAnswer(text: string): TypedAnswer | undefined {
  const forms = answerForms(text);
  for (const form of forms) {
    const exact = ANSWER_OF.get(form);
    if (exact) return exact;
  }
  const said = forms.at(-1)!;
  if (Array.from(said).length < FUZZY_MIN_LENGTH) return undefined;
  for (const [word, answer] of ANSWER_OF) {
    if (Array.from(word).length >= FUZZY_MIN_LENGTH && editDistanceAtMostOne(said, word))
      return answer;
  }
  return undefined;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (x.length > y.length) i++;
    else if (y.length > x.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (x.length - i) + (y.length - j) <= 1;
}

/**
 * A phone number inside what was typed: "โทร 089 999 8888 ค่ะ", "เบอร์ ๐๘๑-๒๓๔-๕๖๗๘",
 * "+66 81 234 5678". The digits and their separators are read together; words around them go.
 */
export function phoneFromText(text: string): string | undefined {
  const ascii = toAsciiDigits(text);
  for (const run of ascii.match(/\+?\d[\d\s\-().]*\d/g) ?? []) {
    const phone = parseThaiPhone(run);
    if (phone) return phone;
  }
  return undefined;
}

/** Common English words: a reply made of them at a Thai step is a person who reads English. */
const ENGLISH_WORDS = new Set(
  "i you my me we can could do does is are the a an please help speak english what how where who why not don't understand thai language".split(
    " ",
  ),
);

/**
 * "Can you speak English?" typed while the bot speaks Thai: at least two words, no Thai letters,
 * and at least one everyday English word (so a place such as "Chiang Mai" is not mistaken).
 */
export function isEnglishSentence(text: string): boolean {
  if (/[\u0E00-\u0E7F]/.test(text)) return false;
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  return words.length >= 2 && words.some(word => ENGLISH_WORDS.has(word));
}

/** Typed at the first question instead of tapping the red button. */
const URGENT_WORDS = ["ด่วน", "อันตราย", "เหตุด่วน", "ฉุกเฉิน", "urgent", "danger", "emergency"];
export function isUrgentWord(text: string): boolean {
  return URGENT_WORDS.includes(text.trim().toLowerCase());
}

export function categoryFromText(text: string | undefined, ctx: FlowContext): string | undefined {
  if (text === undefined) return undefined;
  const wanted = text.trim().toLowerCase();
  return CASE_CATEGORIES.find(
    c =>
      ctx.t(`category.short.${c}`).toLowerCase() === wanted ||
      ctx.t(`category.name.${c}`).toLowerCase() === wanted,
  );
}

/** A LINE location message as a report's place: the pin, its address, the area found for it. */
export function sharedLocation(
  input: Extract<BotInput, { kind: "location" }>,
): NonNullable<CaseLocation> {
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
