import {
  converse,
  IDLE,
  SESSION_TTL_MS,
  type BotInput,
  type FlowContext,
  type Session,
} from "@sa/bot";
import type { Language } from "@sa/core";
import { areaDirectory, flowContext, runConversation, tap, text } from "../../support/bot-context";
import { beforeAll, describe, expect, it } from "vitest";

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await areaDirectory();
});

const NOW = new Date("2026-11-25T03:00:00Z");

const context = (language: Language = "th", now = NOW) => flowContext(areas, { language, now });

const run = (inputs: BotInput[], start: Session = IDLE, ctx = context()) =>
  runConversation(inputs, start, ctx);

function texts(result: ReturnType<typeof converse>): string {
  return JSON.stringify(result.replies);
}

const toPhotos = [
  tap("a=menu.report"),
  tap("a=category&v=children_youth"),
  text("เด็กถูกทิ้งให้อยู่บ้านคนเดียวหลายวัน"),
  text("ดินแดง"),
];

describe("the report conversation", () => {
  it("should walk through every step and create exactly one report on confirmation", () => {
    const steps = run([
      ...toPhotos,
      { kind: "image", messageId: "m1", photo: "p/1.jpg" },
      text("0812345678"),
      tap("a=confirm"),
    ]);
    const last = steps.at(-1)!;
    expect(last.session).toEqual(IDLE);
    expect(last.commands).toHaveLength(1);
    const command = last.commands[0]!;
    expect(command.type).toBe("createCase");
    if (command.type !== "createCase") return;
    expect(command.report).toMatchObject({
      ticket: "691125-ABCDE",
      category: "children_youth",
      urgent: false,
      description: "เด็กถูกทิ้งให้อยู่บ้านคนเดียวหลายวัน",
      photos: ["p/1.jpg"],
      reporter: { lineUserId: "U1", phone: "0812345678", language: "th" },
      location: { area: { province: "กรุงเทพมหานคร", district: "ดินแดง", subDistrict: "ดินแดง" } },
    });
    expect(texts(last)).toContain("691125-ABCDE");
    expect(command.report.consent).toMatchObject({ sharePhone: true });
    expect(steps.flatMap(s => s.commands).filter(c => c.type === "createCase")).toHaveLength(1);
  });

  it("should offer the danger choice first, in red, on the first question, and ask nothing else about danger", () => {
    const [first] = run([tap("a=menu.report")]);
    const question = first!.replies[0] as Record<string, any>;
    expect(question.quickReply.items[0].action).toMatchObject({ data: "a=urgent" });
    expect(question.contents.body.contents[0]).toMatchObject({
      type: "button",
      color: "#C62828",
      action: { data: "a=urgent" },
    });
    const steps = run([tap("a=menu.report"), tap("a=category&v=elderly")]);
    expect(steps.at(-1)!.session).toMatchObject({ flow: "report", step: "description" });
  });

  it("should not save a report when the citizen cancels at the summary, and drop their photos", () => {
    const steps = run([
      ...toPhotos,
      { kind: "image", messageId: "m1", photo: "p/1.jpg" },
      tap("a=phone.none"),
      tap("a=cancel"),
    ]);
    // The photo stays for the minute "เอาเรื่องกลับมา" is offered, and goes with the next message.
    expect(steps.at(-1)!.commands).toEqual([]);
    const later = converse(steps.at(-1)!.session, tap("a=menu.welfare"), context());
    expect(later.commands).toContainEqual({ type: "discardPhotos", paths: ["p/1.jpg"] });
    expect(steps.flatMap(s => s.commands).some(c => c.type === "createCase")).toBe(false);
  });

  it("should keep no phone number when the citizen would rather not give one", () => {
    const steps = run([...toPhotos, tap("a=photos.done"), tap("a=phone.none"), tap("a=confirm")]);
    const command = steps.at(-1)!.commands[0]!;
    expect(command.type === "createCase" && command.report.reporter.phone).toBe(null);
    expect(command.type === "createCase" && command.report.consent?.sharePhone).toBe(false);
  });

  it("should ask again, politely, for a phone number that is not Thai", () => {
    const steps = run([...toPhotos, tap("a=photos.done"), text("12345")]);
    expect(texts(steps.at(-1)!)).toContain("ไม่ถูกต้อง");
    expect(steps.at(-1)!.session).toMatchObject({ step: "phone" });
  });

  it("should offer a choice when a typed place matches several areas", () => {
    const steps = run([...toPhotos.slice(0, 3), text("ศรีภูมิ")]);
    const choice = steps.at(-1)!;
    expect(choice.session).toMatchObject({ step: "location" });
    expect(texts(choice)).toContain("a=area&v=500101");
    const chosen = converse(choice.session, tap("a=area&v=500101"), context());
    expect(chosen.session).toMatchObject({
      step: "photos",
      draft: { location: { area: { subDistrictCode: "500101" } } },
    });
  });

  it("should return to the summary after editing one answer", () => {
    const steps = run([
      ...toPhotos,
      tap("a=photos.done"),
      tap("a=phone.none"),
      tap("a=edit"),
      tap("a=edit&v=description"),
      text("แก้ไขรายละเอียดใหม่ทั้งหมด"),
    ]);
    const last = steps.at(-1)!;
    expect(last.session).toMatchObject({
      step: "confirm",
      draft: { description: "แก้ไขรายละเอียดใหม่ทั้งหมด" },
    });
    expect(last.replies[0]!.type).toBe("flex");
  });

  it("should stop taking photos at three", () => {
    const photos = [1, 2, 3].map(n => ({
      kind: "image" as const,
      messageId: `m${n}`,
      photo: `p/${n}.jpg`,
    }));
    const steps = run([
      ...toPhotos,
      ...photos,
      { kind: "image", messageId: "m4", photo: "p/4.jpg" },
    ]);
    expect(steps.at(-2)!.session).toMatchObject({ step: "phone" });
    expect(steps.at(-1)!.commands).toEqual([{ type: "discardPhotos", paths: ["p/4.jpg"] }]);
  });

  it("should cancel at any step with the word ยกเลิก", () => {
    for (let length = 1; length <= toPhotos.length; length++) {
      const steps = run([...toPhotos.slice(0, length), text("ยกเลิก")]);
      expect(steps.at(-1)!.session).toMatchObject({ flow: "report", cancelled: true });
      expect(texts(steps.at(-1)!)).toContain("ยกเลิกการแจ้งเรื่องแล้ว");
    }
  });

  it("should expire a session left for 30 minutes and keep a fresh one", () => {
    const [started] = run([tap("a=menu.report")]);
    const justBefore = new Date(NOW.getTime() + SESSION_TTL_MS - 1000);
    const justAfter = new Date(NOW.getTime() + SESSION_TTL_MS + 1000);
    const fresh = converse(
      started!.session,
      tap("a=category&v=elderly"),
      context("th", justBefore),
    );
    expect(fresh.session).toMatchObject({ step: "description" });
    const expired = converse(
      started!.session,
      tap("a=category&v=elderly"),
      context("th", justAfter),
    );
    expect(expired.session).toEqual(IDLE);
    expect(texts(expired)).toContain("หมดเวลา");
  });

  it("should keep long and odd Unicode text intact but clean", () => {
    const long = "ก".repeat(4990) + "\u200B\u0000 ข้อความ";
    const steps = run([...toPhotos.slice(0, 2), text(long)]);
    const draft = (steps.at(-1)!.session as { draft: { description: string } }).draft;
    expect(draft.description).not.toMatch(/[\u200B\u0000]/);
    expect(draft.description.startsWith("ก".repeat(4990))).toBe(true);
  });

  it("should speak English when the user's language is English", () => {
    const [result] = run([tap("a=menu.report")], IDLE, context("en"));
    expect(texts(result!)).toContain("What would you like to report?");
    expect(texts(result!)).toContain("Domestic violence");
  });
});
