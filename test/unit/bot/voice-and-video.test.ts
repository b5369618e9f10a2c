import { IDLE, type BotInput, type FlowContext, type FlowResult } from "@sa/bot";
import { beforeAll, describe, expect, it } from "vitest";
import { areaDirectory, flowContext, runConversation, tap, text } from "../../support/bot-context";

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await areaDirectory();
});

const NOW = new Date("2026-12-01T03:00:00Z");
const voice: BotInput = { kind: "audio", messageId: "a1", durationMs: 75_000, media: "m/a1.m4a" };
const video: BotInput = { kind: "video", messageId: "v1", durationMs: 12_000, media: "m/v1.mp4" };
const run = (inputs: BotInput[]) => runConversation(inputs, IDLE, flowContext(areas, { now: NOW }));
const words = (result: FlowResult) => JSON.stringify(result.replies);

describe("voice notes and videos in a report", () => {
  it("should take a voice note as the story, show its length, and keep it with the report", () => {
    const steps = run([
      tap("a=menu.report"),
      tap("a=category&v=elderly"),
      voice,
      tap("a=location.unknown"),
      tap("a=photos.done"),
      tap("a=phone.none"),
      tap("a=confirm"),
    ]);
    expect(steps[2]!.session).toMatchObject({ step: "location" });
    expect(words(steps.at(-2)!)).toContain("ข้อความเสียง 1:15 นาที");
    const created = steps.at(-1)!.commands.find(command => command.type === "createCase");
    expect(created?.type === "createCase" && created.report).toMatchObject({
      description: "",
      media: [{ path: "m/a1.m4a", kind: "audio", durationMs: 75_000 }],
    });
  });

  it("should start a report from a voice note sent outside any flow", () => {
    const [offer, yes] = run([voice, tap("a=offer.yes"), tap("a=category&v=elderly")]);
    expect(words(offer!)).toContain("ได้รับข้อความเสียงแล้ว");
    expect(offer!.session).toMatchObject({ flow: "report", step: "offer" });
    expect(yes!.session).toMatchObject({ step: "category" });
  });

  it("should take a video as evidence at the photo step and move on", () => {
    const steps = run([
      tap("a=menu.report"),
      tap("a=category&v=elderly"),
      text("คุณยายอยู่คนเดียว"),
      tap("a=location.unknown"),
      video,
    ]);
    expect(steps.at(-1)!.session).toMatchObject({
      step: "phone",
      draft: { media: [{ kind: "video", durationMs: 12_000 }] },
    });
  });

  it("should drop the voice note with the draft when the citizen cancels", () => {
    const steps = run([voice, tap("a=cancel"), tap("a=menu.welfare")]);
    expect(steps.at(-1)!.commands).toEqual([{ type: "discardPhotos", paths: ["m/a1.m4a"] }]);
  });

  it("should say politely why a file was not taken, and ask the same question again", () => {
    const steps = run([
      tap("a=menu.report"),
      tap("a=category&v=elderly"),
      { kind: "image", messageId: "i1", refused: "type" },
    ]);
    expect(words(steps.at(-1)!)).toContain("เปิดไฟล์นี้ไม่ได้");
    expect(steps.at(-1)!.session).toMatchObject({ step: "description" });
    const [notReady] = run([
      { kind: "audio", messageId: "a2", durationMs: 1000, refused: "preparing" },
    ]);
    expect(words(notReady!)).toContain("ยังเตรียมไฟล์นี้ไม่เสร็จ");
    expect(notReady!.session).toEqual(IDLE);
  });
});

/** The urgent report's changes the steps asked for, in order. */
const urgentChanges = (steps: FlowResult[]) =>
  steps.flatMap(step =>
    step.commands.flatMap(c => (c.type === "updateUrgentCase" ? [c.change] : [])),
  );

describe("voice notes and videos on the danger path", () => {
  it("should take a voice note as what happened, keep it with the urgent report, and not ask for it again", () => {
    const steps = run([tap("a=urgent"), tap("a=urgent.skip"), voice]);
    expect(words(steps.at(-1)!)).toContain("ได้รับข้อความเสียงแล้ว");
    expect(urgentChanges(steps)).toContainEqual({
      kind: "media",
      media: { path: "m/a1.m4a", kind: "audio", durationMs: 75_000 },
    });
    // Told aloud at "what happened": the next question is what it is about.
    expect(steps.at(-1)!.session).toMatchObject({ flow: "urgent", step: "category" });
  });

  it("should keep a voice note sent before the place is given, and skip 'what happened' later", () => {
    const steps = run([tap("a=urgent"), voice, tap("a=urgent.skip")]);
    expect(steps[1]!.session).toMatchObject({ flow: "urgent", step: "location" });
    expect(urgentChanges(steps).map(c => c.kind)).toContain("media");
    expect(steps.at(-1)!.session).toMatchObject({ step: "category" });
  });

  it("should keep a video as evidence and stay at the question", () => {
    const steps = run([tap("a=urgent"), video]);
    expect(words(steps.at(-1)!)).toContain("ได้รับวิดีโอแล้ว");
    expect(urgentChanges(steps).map(c => c.kind)).toContain("media");
    expect(steps.at(-1)!.session).toMatchObject({ flow: "urgent", step: "location" });
  });

  it("should ask again politely when LINE had not prepared the voice note yet", () => {
    const steps = run([
      tap("a=urgent"),
      { kind: "audio", messageId: "a2", durationMs: 1000, refused: "preparing" },
    ]);
    expect(words(steps.at(-1)!)).toContain("ยังเตรียมไฟล์นี้ไม่เสร็จ");
    expect(urgentChanges(steps).map(c => c.kind)).not.toContain("media");
    expect(steps.at(-1)!.session).toMatchObject({ flow: "urgent", step: "location" });
  });
});

describe("photos, voice notes and videos in the welfare check", () => {
  const photo: BotInput = { kind: "image", messageId: "i1" };
  it.each([
    ["a voice note", { kind: "audio", messageId: "a1", durationMs: 5000 } as BotInput],
    ["a video", { kind: "video", messageId: "v1", durationMs: 5000 } as BotInput],
    ["a photo", photo],
  ])("should say %s is not an answer and ask the same question with its buttons", (_, sent) => {
    const steps = run([tap("a=menu.welfare"), tap("a=welfare.answer&v=elderly"), sent]);
    const asked = steps[1]!;
    const after = steps[2]!;
    expect(words(after)).toContain("คำถามนี้ตอบโดยแตะปุ่มด้านล่าง");
    expect(after.replies.at(-1)).toEqual(asked.replies.at(-1));
    expect(after.session).toMatchObject({
      flow: "welfare",
      step: (asked.session as { step: string }).step,
    });
    expect(after.commands).toEqual([]);
  });
});
