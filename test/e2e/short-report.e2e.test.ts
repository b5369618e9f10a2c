import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ChatUser, quickReplyLabels, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";

const PNG = readFileSync(join(import.meta.dirname, "../fixtures/photo.png"));
const photo = {
  type: "image" as const,
  contentBase64: PNG.toString("base64"),
  contentType: "image/png",
};
const CHIANG_MAI = {
  type: "location" as const,
  latitude: 18.7883,
  longitude: 98.9853,
  address: "123 ถนนช้างคลาน ตำบลช้างคลาน อำเภอเมืองเชียงใหม่ เชียงใหม่ 50100 ประเทศไทย",
};

/** The most actions — taps, typed messages, shared locations, photos — a whole report may take. */
const MAX_ACTIONS = 7;

const db = testFirestore();

/** What the citizen did, as the LINE stand-in recorded it: every tap, message, location, photo. */
async function actionsOf(user: ChatUser): Promise<number> {
  return (await user.log()).filter(entry => entry.from === "user").length;
}

async function reportsOf(userId: string) {
  const snapshot = await db.collection("cases").where("reporter.lineUserId", "==", userId).get();
  return snapshot.docs.map(doc => doc.data());
}

const ticketIn = (text: string) => /เลขที่เรื่อง: (\S+)/.exec(text)?.[1];

beforeEach(async () => {
  await clearFirestore();
});

describe("a complete report in at most seven actions, on the running stack", () => {
  it("should take a story, a place, a photo and a phone number from the menu in seven", async () => {
    const user = await ChatUser.create("th");
    await user.tap("a=menu.report");
    await user.tap("a=category&v=elderly");
    await user.say("คุณยายอายุ 80 อยู่บ้านคนเดียว ไม่มีคนดูแล");
    await user.send(CHIANG_MAI);
    await user.newReplies();
    await user.send(photo);
    // The photo answered the photo question: the phone question follows by itself.
    const afterPhoto = await user.newReplies();
    expect(quickReplyLabels(afterPhoto.at(-1)!)).toContain("ไม่สะดวกให้เบอร์");
    expect(quickReplyLabels(afterPhoto.at(-1)!)).toContain("ส่งรูปเพิ่ม");
    await user.say("โทร 089 999 8888 ค่ะ");
    expect(visibleText((await user.newReplies()).at(-1)!)).toContain("ยินยอมและส่งเรื่อง");
    await user.tap("a=confirm");

    expect(await actionsOf(user)).toBeLessThanOrEqual(MAX_ACTIONS);
    const ticket = ticketIn((await user.newReplies()).map(visibleText).join("\n"));
    expect(ticket).toMatch(/^\d{6}-\d{5}$/);
    const [report] = await reportsOf(user.userId);
    expect(report).toMatchObject({
      ticket,
      category: "elderly",
      reporter: { phone: "0899998888" },
      consent: { sharePhone: true },
      location: { area: { provinceCode: "50" } },
    });
    expect(report!.photos).toHaveLength(1);
  });

  it("should start from a story typed without the menu and offer the number given last time", async () => {
    const user = await ChatUser.create("th");
    // An earlier report with a number.
    for (const step of ["a=menu.report", "a=category&v=disability"]) await user.tap(step);
    await user.say("ลุงข้างบ้านนั่งรถเข็น ไม่มีคนช่วยพาไปหาหมอ");
    await user.tap("a=location.unknown");
    await user.tap("a=photos.done");
    await user.say("0812345678");
    await user.tap("a=confirm");
    const before = await actionsOf(user);
    await user.newReplies();

    await user.say("ยายข้างบ้านอายุ 85 ปี อยู่คนเดียว ไม่มีข้าวกินมาสองวันแล้ว");
    const offer = (await user.newReplies()).at(-1)!;
    expect(visibleText(offer)).toContain("ต้องการแจ้งเรื่องนี้ไหมคะ");
    await user.tap("a=offer.yes");
    const category = (await user.newReplies()).at(-1)!;
    // The suggested category comes first after the danger button: confirmed with one tap.
    expect(category.quickReply.items[1].action.data).toBe("a=category&v=elderly");
    await user.tap(category.quickReply.items[1].action.data);
    await user.send(CHIANG_MAI);
    await user.send(photo);
    const phone = (await user.newReplies()).at(-1)!;
    expect(quickReplyLabels(phone)).toContain("081-234-5678");
    await user.tap("a=phone.known");
    await user.tap("a=confirm");

    expect((await actionsOf(user)) - before).toBeLessThanOrEqual(MAX_ACTIONS);
    const reports = await reportsOf(user.userId);
    const story = reports.find(report => report.category === "elderly");
    expect(story).toMatchObject({
      description: "ยายข้างบ้านอายุ 85 ปี อยู่คนเดียว ไม่มีข้าวกินมาสองวันแล้ว",
      reporter: { phone: "0812345678" },
    });
    expect(story!.photos).toHaveLength(1);
  });

  it("should start a report from a photo sent without the menu, keeping the photo", async () => {
    const user = await ChatUser.create("th");
    await user.send(photo);
    expect(visibleText((await user.newReplies()).at(-1)!)).toContain("ต้องการแจ้งเรื่องนี้ไหมคะ");
    const session = (await db.collection("sessions").doc(user.userId).get()).data()!;
    expect(session).toMatchObject({ flow: "report", step: "offer" });
    expect(session.draft.photos).toHaveLength(1);
  });

  it("should switch to English mid-report when asked in English, and ask the same question again", async () => {
    const user = await ChatUser.create("th");
    await user.tap("a=menu.report");
    await user.tap("a=category&v=elderly");
    await user.newReplies();
    await user.say("Can you speak English?");
    const replies = (await user.newReplies()).map(visibleText).join("\n");
    expect(replies).toContain("Please tell us what happened");
    const session = (await db.collection("sessions").doc(user.userId).get()).data()!;
    expect(session).toMatchObject({ step: "description" });
    expect(session.draft.description).toBeUndefined();
    expect((await db.collection("users").doc(user.userId).get()).data()).toMatchObject({
      language: "en",
    });
  });
});
