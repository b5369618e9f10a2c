import { describe, expect, it } from "vitest";
import { isEnglishSentence, phoneFromText, typedAnswer } from "../../../bot/src/flows/answers";
import { typedChoice } from "../../../bot/src/welfare/answers";

/** What people type where buttons are offered, and what it must be read as. */
const ANSWERS: [string, ReturnType<typeof typedAnswer>][] = [
  ["ยืนยัน", "yes"],
  ["ยืนยันค่ะ", "yes"],
  ["ยืนยน", "yes"],
  ["ยืน ยัน ครับ", "yes"],
  ["ยินยอม", "yes"],
  ["ยินยอมค่ะ", "yes"],
  ["ยินยอน", "yes"],
  ["ยินยอมและส่งเรื่อง", "yes"],
  ["ใช่", "yes"],
  ["ใช่ค่ะ", "yes"],
  ["ช่ายจ้า", "yes"],
  ["ได้", "yes"],
  ["ได้ค่ะ", "yes"],
  ["ได้เลยครับ", "yes"],
  ["มี", "yes"],
  ["มีค่ะ", "yes"],
  ["โอเคค่ะ", "yes"],
  ["OK", "yes"],
  ["Yes please", "yes"],
  ["ค่าาาา", undefined],
  ["ไม่ใช่", "no"],
  ["ไม่ใช่ค่ะ", "no"],
  ["ไม่ช่าย", "no"],
  ["ไม่ได้", "no"],
  ["ไม่ได้ครับ", "no"],
  ["ไม่มี", "no"],
  ["ไม่มีค่ะ", "no"],
  ["ไม่สะดวกค่ะ", "no"],
  ["ไม่สะดวกให้เบอร์", "no"],
  ["no", "no"],
  ["ข้าม", "skip"],
  ["ข้ามค่ะ", "skip"],
  ["ขาม", "skip"],
  ["ข้ามไปเลยนะคะ", "skip"],
  ["skip", "skip"],
  ["ยกเลิก", "cancel"],
  ["ยกเลิกค่ะ", "cancel"],
  ["ยกเลิด", "cancel"],
  ["ไม่แจ้งแล้วค่ะ", "cancel"],
  ["Cancel", "cancel"],
  ["เอาเรื่องกลับมา", "undo"],
  ["เอาเรื่องกลับมาค่ะ", "undo"],
  ["เอา เรื่อง กลับมา นะคะ", "undo"],
  ["เอาเรืองกลับมา", "undo"],
  ["เอากลับมาครับ", "undo"],
  ["Undo", "undo"],
  ["Bring it back please", "undo"],
  ["คุณยายอยู่คนเดียว", undefined],
  ["ดินแดง", undefined],
  ["0812345678", undefined],
];

describe("typed answers where buttons are offered", () => {
  it.each(ANSWERS)("should read %j as %s", (said, meaning) => {
    expect(typedAnswer(said)).toBe(meaning);
  });

  it.each([
    ["โทร 089 999 8888 ค่ะ", "0899998888"],
    ["เบอร์ ๐๘๑-๒๓๔-๕๖๗๘ นะคะ", "0812345678"],
    ["+66 81 234 5678", "0812345678"],
    ["ติดต่อ 02 123 4567 ได้ค่ะ", "021234567"],
    ["0812345678", "0812345678"],
  ])("should read the phone number in %j", (said, phone) => {
    expect(phoneFromText(said)).toBe(phone);
  });

  it.each(["12345", "โทรมาได้เลย", "บ้านเลขที่ 12/3"])(
    "should find no phone number in %j",
    said => {
      expect(phoneFromText(said)).toBeUndefined();
    },
  );

  it("should tell an English sentence from a place name or a Thai answer", () => {
    expect(isEnglishSentence("Can you speak English?")).toBe(true);
    expect(isEnglishSentence("I don't understand Thai")).toBe(true);
    expect(isEnglishSentence("Chiang Mai")).toBe(false);
    expect(isEnglishSentence("ok")).toBe(false);
    expect(isEnglishSentence("ใช่ค่ะ yes")).toBe(false);
  });
});

describe("the welfare questions' typed answers", () => {
  it("should read yes and no with the shared parser, and keep ไม่ทราบ as its own answer", () => {
    expect(typedChoice("ไช่ค่ะ")).toBe("yes");
    expect(typedChoice("ได้รับค่ะ")).toBe("yes");
    expect(typedChoice("ไม่ได้รับค่า")).toBe("no");
    expect(typedChoice("ไม่มีครับ")).toBe("no");
    expect(typedChoice("ไม่ทราบค่ะ")).toBe("unknown");
    expect(typedChoice("ยกเลิก")).toBeUndefined();
    expect(typedChoice("ลูกสองคน")).toBeUndefined();
  });
});
