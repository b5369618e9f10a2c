import { IDLE, type BotInput, type FlowContext, type FlowResult } from "@sa/bot";
import type { Case } from "@sa/core";
import { beforeAll, describe, expect, it } from "vitest";
import { areaDirectory, flowContext, runConversation, tap, text } from "../../support/bot-context";

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await areaDirectory();
});

const NOW = new Date("2026-12-01T03:00:00Z");
const photo = (n: number): BotInput => ({ kind: "image", messageId: `m${n}`, photo: `p/${n}.jpg` });
const pin: BotInput = {
  kind: "location",
  latitude: 13.7695,
  longitude: 100.5531,
  address: "ดินแดง กรุงเทพมหานคร",
};

/** The most actions — taps, typed messages, shared locations, photos — a whole report may take. */
const MAX_ACTIONS = 7;

const context = (extra: Partial<FlowContext> = {}) => ({
  ...flowContext(areas, { now: NOW }),
  ...extra,
});

/** Every input is one action of the citizen; returns the report made and every step's result. */
function report(inputs: BotInput[], extra: Partial<FlowContext> = {}) {
  const steps = runConversation(inputs, IDLE, context(extra));
  const created = steps
    .flatMap(step => step.commands)
    .flatMap(command => (command.type === "createCase" ? [command.report] : []));
  return { steps, actions: inputs.length, created };
}

const words = (result: FlowResult) => JSON.stringify(result.replies);
const quickReplies = (result: FlowResult): Record<string, any>[] =>
  ((result.replies.at(-1) as any)?.quickReply?.items ?? []).map((item: any) => item.action);

function onlyReport(created: Case[]): Case {
  expect(created).toHaveLength(1);
  return created[0]!;
}

describe("a complete report in at most seven actions", () => {
  it("should take a report from the menu — story, place, one photo, the earlier phone — in seven", () => {
    const { steps, actions, created } = report(
      [
        tap("a=menu.report"),
        tap("a=category&v=elderly"),
        text("คุณยายอายุ 80 อยู่บ้านคนเดียว ไม่มีคนดูแล"),
        pin,
        photo(1),
        tap("a=phone.known"),
        tap("a=confirm"),
      ],
      { knownPhone: "0812345678" },
    );
    expect(actions).toBeLessThanOrEqual(MAX_ACTIONS);
    expect(onlyReport(created)).toMatchObject({
      category: "elderly",
      description: "คุณยายอายุ 80 อยู่บ้านคนเดียว ไม่มีคนดูแล",
      photos: ["p/1.jpg"],
      location: { point: { latitude: 13.7695 } },
      reporter: { phone: "0812345678" },
      consent: { sharePhone: true },
    });
    // The summary, with the one-tap consent, was shown before anything was sent.
    const summary = steps.at(-2)!.replies.at(-1) as Record<string, any>;
    expect(summary.type).toBe("flex");
    expect(JSON.stringify(summary)).toContain("ยินยอมและส่งเรื่อง");
    expect(JSON.stringify(summary)).toContain("081-234-5678");
    expect(JSON.stringify(summary)).toContain("a=consent.text");
  });

  it("should start from a story typed outside any flow and suggest its category", () => {
    const story = "ยายข้างบ้านอายุ 85 ปี อยู่คนเดียว ไม่มีข้าวกินมาสองวันแล้ว";
    const { steps, actions, created } = report([
      text(story),
      tap("a=offer.yes"),
      tap("a=category&v=elderly"),
      text("ดินแดง"),
      photo(1),
      text("โทร 089 999 8888 ค่ะ"),
      text("ยืนยันค่ะ"),
    ]);
    expect(actions).toBeLessThanOrEqual(MAX_ACTIONS);
    expect(words(steps[0]!)).toContain("ต้องการแจ้งเรื่องนี้ไหมคะ");
    // The suggested category is the first answer after the danger button.
    expect(quickReplies(steps[1]!)[1]).toMatchObject({ data: "a=category&v=elderly" });
    expect(words(steps[1]!)).toContain("น่าจะเป็นเรื่อง");
    expect(onlyReport(created)).toMatchObject({
      category: "elderly",
      description: story,
      photos: ["p/1.jpg"],
      reporter: { phone: "0899998888" },
    });
  });

  it("should start from a photo sent outside any flow and never ask for the photo again", () => {
    const { steps, actions, created } = report([
      photo(1),
      text("ใช่ค่ะ"),
      tap("a=category&v=homeless"),
      text("มีคนนอนข้างถนนหน้าตลาดทุกคืน"),
      text("ดินแดง"),
      tap("a=phone.none"),
      tap("a=confirm"),
    ]);
    expect(actions).toBeLessThanOrEqual(MAX_ACTIONS);
    expect(words(steps[0]!)).toContain("ได้รับรูปแล้ว");
    expect(
      steps.some(step => step.session.flow === "report" && step.session.step === "photos"),
    ).toBe(false);
    expect(onlyReport(created)).toMatchObject({ photos: ["p/1.jpg"], reporter: { phone: null } });
  });

  it("should offer LINE's camera and camera roll, move on after a photo, and take more from the phone step", () => {
    const steps = runConversation(
      [
        tap("a=menu.report"),
        tap("a=category&v=elderly"),
        text("คุณยายอยู่คนเดียว"),
        text("ดินแดง"),
      ],
      IDLE,
      context(),
    );
    expect(quickReplies(steps.at(-1)!).map(action => action.type)).toEqual(
      expect.arrayContaining(["camera", "cameraRoll"]),
    );
    const [afterPhoto, afterMore] = runConversation(
      [photo(1), photo(2)],
      steps.at(-1)!.session,
      context(),
    );
    expect(afterPhoto!.session).toMatchObject({ step: "phone" });
    expect(words(afterPhoto!)).toContain("1/3");
    expect(quickReplies(afterPhoto!)).toContainEqual({ type: "cameraRoll", label: "ส่งรูปเพิ่ม" });
    expect(afterMore!.session).toMatchObject({
      step: "phone",
      draft: { photos: ["p/1.jpg", "p/2.jpg"] },
    });
  });

  it("should offer one-tap 'rather not say' and read a known number agreed to in words", () => {
    const toPhone = [
      tap("a=menu.report"),
      tap("a=category&v=elderly"),
      text("คุณยายอยู่คนเดียว"),
      text("ดินแดง"),
      tap("a=photos.done"),
    ];
    const plain = runConversation(toPhone, IDLE, context()).at(-1)!;
    expect(quickReplies(plain).map(action => action.label)).toContain("ไม่สะดวกให้เบอร์");
    const known = runConversation(
      [...toPhone, text("ได้ค่ะ")],
      IDLE,
      context({ knownPhone: "0812345678" }),
    );
    expect(quickReplies(known.at(-2)!)[0]).toMatchObject({ label: "081-234-5678" });
    expect(known.at(-1)!.session).toMatchObject({
      step: "confirm",
      draft: { phone: "0812345678" },
    });
  });

  it("should show the consent text one tap away and stay at the summary", () => {
    const steps = runConversation(
      [
        tap("a=menu.report"),
        tap("a=category&v=elderly"),
        text("คุณยายอยู่คนเดียว"),
        tap("a=location.unknown"),
        tap("a=photos.done"),
        tap("a=phone.none"),
        tap("a=consent.text"),
      ],
      IDLE,
      context(),
    );
    expect(words(steps.at(-1)!)).toContain("พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล");
    expect(steps.at(-1)!.session).toMatchObject({ step: "confirm" });
    expect(steps.flatMap(step => step.commands)).toEqual([]);
  });
});

describe("what the submitted message promises", () => {
  const finish = (place: BotInput, phone: BotInput) =>
    report([
      tap("a=menu.report"),
      tap("a=category&v=elderly"),
      text("คุณยายอยู่คนเดียว"),
      place,
      tap("a=photos.done"),
      phone,
      tap("a=confirm"),
    ]).steps.at(-1)!;

  it("should promise a call back only when a number was given", () => {
    expect(words(finish(text("ดินแดง"), text("0812345678")))).toContain("โทรกลับ");
    expect(words(finish(text("ดินแดง"), tap("a=phone.none")))).not.toContain("โทรกลับ");
  });

  it("should say 'in the area' only when there is a place", () => {
    expect(words(finish(text("ดินแดง"), tap("a=phone.none")))).toContain("ในพื้นที่");
    expect(words(finish(tap("a=location.unknown"), tap("a=phone.none")))).not.toContain(
      "ในพื้นที่",
    );
  });
});

describe("story first", () => {
  it("should keep nothing when the citizen does not want to report it, and drop the photo", () => {
    const steps = runConversation([photo(1), tap("a=offer.no")], IDLE, context());
    expect(steps.at(-1)!.session).toEqual(IDLE);
    expect(steps.at(-1)!.commands).toEqual([{ type: "discardPhotos", paths: ["p/1.jpg"] }]);
  });

  it("should answer small talk with the menu, not with an offer to report", () => {
    for (const said of ["สวัสดีค่ะ", "ขอบคุณมากค่ะ", "hello there"]) {
      const [result] = runConversation([text(said)], IDLE, context());
      expect(result!.session, said).toEqual(IDLE);
    }
  });

  it("should bring the call card first for a story with danger words, with the urgent report one tap away", () => {
    const [result] = runConversation(
      [text("ช่วยด้วยค่ะ พ่อเมาแล้วทุบตีแม่อยู่ตอนนี้")],
      IDLE,
      context(),
    );
    expect(words(result!)).toContain("191");
    expect(quickReplies(result!).map(action => action.data)).toContain("a=urgent");
    // Tapping it starts the urgent report with the story already told.
    const [urgent] = runConversation([tap("a=urgent")], result!.session, context());
    expect(urgent!.session).toMatchObject({ flow: "urgent" });
    const created = urgent!.commands.find(command => command.type === "createCase");
    expect(created?.type === "createCase" && created.report.description).toContain("ทุบตี");
  });

  it("should take more of the story typed before the answer", () => {
    const steps = runConversation(
      [
        text("เด็กข้างบ้านถูกทิ้งให้อยู่คนเดียว"),
        text("พ่อแม่ไม่กลับบ้านมาสามวันแล้ว"),
        tap("a=offer.yes"),
      ],
      IDLE,
      context(),
    );
    expect(steps.at(-1)!.session).toMatchObject({
      step: "category",
      draft: { description: "เด็กข้างบ้านถูกทิ้งให้อยู่คนเดียว\nพ่อแม่ไม่กลับบ้านมาสามวันแล้ว" },
    });
    expect(quickReplies(steps.at(-1)!)[1]).toMatchObject({ data: "a=category&v=children_youth" });
  });
});

describe("an English sentence at a Thai step", () => {
  it("should switch to English and ask the same question again, keeping nothing as the description", () => {
    const steps = runConversation(
      [tap("a=menu.report"), tap("a=category&v=elderly"), text("Can you speak English?")],
      IDLE,
      context(),
    );
    const last = steps.at(-1)!;
    expect(last.commands).toContainEqual({ type: "setLanguage", language: "en" });
    expect(last.session).toMatchObject({ step: "description" });
    expect((last.session as any).draft.description).toBeUndefined();
    expect(words(last)).toMatch(/[A-Za-z]{4,}/);
    expect(words(last)).not.toMatch(/[ก-๙]{6,}/);
  });

  it("should not take a place typed in English for a request to switch", () => {
    const steps = runConversation(
      [
        tap("a=menu.report"),
        tap("a=category&v=elderly"),
        text("คุณยายอยู่คนเดียว"),
        text("Chiang Mai"),
      ],
      IDLE,
      context(),
    );
    expect(steps.at(-1)!.commands).not.toContainEqual({ type: "setLanguage", language: "en" });
  });
});
