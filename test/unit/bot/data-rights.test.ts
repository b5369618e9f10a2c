import { tap, text } from "../../support/bot-context";
import {
  converse,
  IDLE,
  myDataMessage,
  type BotInput,
  type FlowContext,
  type Session,
} from "@sa/bot";
import { translator, type Language, type Case } from "@sa/core";
import { describe, expect, it } from "vitest";

const NOW = new Date("2026-11-25T03:00:00Z");

function context(language: Language = "th"): FlowContext {
  return {
    now: NOW,
    userId: "U1",
    language,
    t: translator(language),
    tFor: translator,
    areas: { find: () => [] },
    newTicket: () => "691125-ABCDE",
  };
}

const reporting: Session = {
  flow: "report",
  step: "phone",
  draft: {
    category: "elderly",
    description: "คุณยายอยู่คนเดียว",
    photos: ["report-photos/U1/a.png"],
  },
  expiresAt: new Date(NOW.getTime() + 60_000).toISOString(),
};

describe("my data and the right to erasure in the chat", () => {
  it("should ask for the summary with whether a conversation is under way, Thai or English words", () => {
    expect(converse(IDLE, text("ข้อมูลของฉัน"), context()).commands).toEqual([
      { type: "showMyData", conversation: false },
    ]);
    const mid = converse(reporting, text("My data"), context("en"));
    expect(mid.commands).toEqual([{ type: "showMyData", conversation: true }]);
    expect(mid.session).toBe(reporting);
  });

  it("should erase only after the confirm button, ending the conversation and its draft's photos", () => {
    const asked = converse(reporting, text("ลบข้อมูลของฉัน"), context());
    expect(asked.commands).toEqual([]);
    expect(asked.session).toBe(reporting);
    expect(JSON.stringify(asked.replies)).toContain("a=erase.confirm");

    const kept = converse(reporting, tap("a=erase.keep"), context());
    expect(kept.commands).toEqual([]);
    expect(kept.session).toBe(reporting);

    const erased = converse(reporting, tap("a=erase.confirm"), context());
    expect(erased.session).toEqual(IDLE);
    expect(erased.commands).toEqual([
      { type: "eraseMyData" },
      { type: "discardPhotos", paths: ["report-photos/U1/a.png"] },
    ]);
  });

  it("should list what each report holds without its words, every string translated", () => {
    const report = {
      ticket: "691125-ABCDE",
      category: "elderly",
      urgent: false,
      description: "คุณยายอยู่คนเดียว",
      location: null,
      photos: ["a.png", "b.png"],
      reporter: { lineUserId: "U1", phone: "0812345678", language: "th" },
      consent: null,
      status: "new",
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    } satisfies Case;
    for (const language of ["th", "en"] as const) {
      const message = JSON.stringify(
        myDataMessage([report], { language, conversation: false }, translator(language), language),
      );
      expect(message).toContain("691125-ABCDE");
      expect(message).not.toContain("คุณยายอยู่คนเดียว");
      expect(message).not.toContain("0812345678");
      expect(message).not.toMatch(
        /"(text|label|altText)":"(myData|erase|track|menu|category|status)\./,
      );
    }
    const th = JSON.stringify(
      myDataMessage([report], { language: "th", conversation: false }, translator("th"), "th"),
    );
    expect(th).toContain("รูป: 2 รูป");
    expect(th).toContain("ตำแหน่ง: ไม่มี");
    expect(th).toContain("เบอร์โทร: มี");
  });
});
