import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FieldValue } from "firebase-admin/firestore";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { ChatUser, quickReplyLabels, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import { eventually, runSweep } from "../support/line-log";
import { SIM_PLACES } from "../../dev/src/line-platform/sim-places";

const PNG_BYTES = readFileSync(join(import.meta.dirname, "../fixtures/photo.png"));
const photo = {
  type: "image" as const,
  contentBase64: PNG_BYTES.toString("base64"),
  contentType: "image/png",
};

const db = testFirestore();

async function reportsOf(userId: string) {
  const snapshot = await db.collection("cases").where("reporter.lineUserId", "==", userId).get();
  return snapshot.docs.map(doc => doc.data());
}

/** The draft kept for the person: none once the conversation ended (only event ids stay). */
async function draftOf(userId: string) {
  const session = (await db.collection("sessions").doc(userId).get()).data();
  return session?.flow === "idle" ? undefined : (session?.draft ?? session);
}

/**
 * After the sweep a session keeps no draft: only the event ids, the report window and the
 * person's language stay.
 */
async function expectOnlyHistory(userId: string) {
  const session = (await db.collection("sessions").doc(userId).get()).data()!;
  expect(Object.keys(session).sort()).toEqual([
    "expireAt",
    "flow",
    "language",
    "recentEvents",
    "reportsSentAt",
  ]);
  expect(session.flow).toBe("idle");
}

/** Walks a citizen to the photo step of an elderly-care report in Chiang Mai. */
async function startReport(user: ChatUser) {
  await user.tap("a=menu.report");
  await user.tap("a=category&v=elderly");
  await user.say("คุณยายอายุ 80 อยู่บ้านคนเดียว ไม่มีคนดูแล ขาดอาหาร");
  await user.say("ต.ศรีภูมิ อ.เมืองเชียงใหม่ จ.เชียงใหม่");
}

beforeEach(async () => {
  await clearFirestore();
});

describe("a citizen reporting a problem through LINE", () => {
  it("should file a report with a photo and a shared location, give a ticket, and list it when tracking", async () => {
    const user = await ChatUser.create("th");
    await user.send({ type: "follow" });
    expect(visibleText((await user.newReplies())[0]!)).toContain("1300");

    await user.tap("a=menu.report");
    await user.tap("a=category&v=domestic_violence");

    await user.say("ได้ยินเสียงทะเลาะและเสียงเด็กร้องไห้ทุกคืน บ้านหลังที่สามจากวัด");
    await user.send({
      type: "location",
      latitude: 18.7883,
      longitude: 98.9853,
      address: "123 ถนนช้างคลาน ตำบลช้างคลาน อำเภอเมืองเชียงใหม่ เชียงใหม่ 50100 ประเทศไทย",
    });
    await user.send(photo);
    expect((await user.newReplies()).map(visibleText).join("\n")).toContain("1/3");
    await user.say("๐๘๑-๒๓๔-๕๖๗๘");
    const summary = (await user.newReplies()).at(-1)!;
    expect(summary.type).toBe("flex");
    expect(visibleText(summary)).toContain("081-234-5678");
    expect(visibleText(summary)).toContain("ช้างคลาน");
    await user.tap("a=confirm");

    const confirmation = visibleText((await user.newReplies()).at(-1)!);
    const ticket = /เลขที่เรื่อง: (\S+)/.exec(confirmation)?.[1];
    // Digits only: read out over the phone.
    expect(ticket).toMatch(/^\d{6}-\d{5}$/);

    const stored = (await db.collection("cases").doc(ticket!).get()).data()!;
    expect(stored).toMatchObject({
      ticket,
      category: "domestic_violence",
      urgent: false,
      status: "new",
      reporter: { lineUserId: user.userId, phone: "0812345678", language: "th" },
      location: {
        point: { latitude: 18.7883, longitude: 98.9853 },
        area: { provinceCode: "50", districtCode: "5001", subDistrict: "ช้างคลาน" },
      },
      consent: { sharePhone: true },
    });
    expect(stored.photos).toHaveLength(1);
    // Kept under a key of the report, not under who sent it: erasing the reporter unlinks it.
    expect(stored.photos[0]).toMatch(/^report-photos\/r-[0-9a-f]{24}\/[^/]+\.png$/);
    expect(stored.photos[0]).not.toContain(user.userId);
    expect(readFileSync(join(inject("stack").photoDir, stored.photos[0]))).toEqual(PNG_BYTES);
    expect(await draftOf(user.userId)).toBeUndefined();

    await user.tap("a=menu.track");
    const carousel = (await user.newReplies()).at(-1)!;
    expect(carousel.contents.type).toBe("carousel");
    expect(visibleText(carousel)).toContain(ticket);
    expect(visibleText(carousel)).toContain("ความรุนแรงในครอบครัว");
    expect(visibleText(carousel)).toContain("รับเรื่องแล้ว รอเจ้าหน้าที่");
  });

  it("should find the place a citizen types and let them report without a phone number", async () => {
    const user = await ChatUser.create("th");
    await startReport(user);
    await user.tap("a=photos.done");
    await user.tap("a=phone.none");
    const summary = (await user.newReplies()).at(-1)!;
    expect(visibleText(summary)).toContain("ยินยอมและส่งเรื่อง");
    await user.tap("a=confirm");
    const [report] = await reportsOf(user.userId);
    expect(report).toMatchObject({
      reporter: { phone: null },
      location: { area: { provinceCode: "50", districtCode: "5001", subDistrictCode: "500101" } },
      photos: [],
    });
  });

  it("should find the province of every place the chat simulator offers, from its address or the pin alone", async () => {
    for (const place of SIM_PLACES) {
      for (const address of [place.address, undefined]) {
        const user = await ChatUser.create("th");
        await user.tap("a=menu.report");
        await user.tap("a=category&v=elderly");
        await user.say("คุณยายอยู่บ้านคนเดียว ไม่มีคนดูแล");
        await user.send({
          type: "location",
          latitude: place.lat,
          longitude: place.lng,
          ...(address && { address }),
        });
        const session = (await db.collection("sessions").doc(user.userId).get()).data()!;
        expect(
          session.draft.location.area?.provinceCode,
          `${place.name} ${address ?? "(pin)"}`,
        ).toBe(place.provinceCode);
      }
    }
  });

  it("should say politely that a pin outside Thailand cannot be served, and ask again", async () => {
    const user = await ChatUser.create("th");
    await user.tap("a=menu.report");
    await user.tap("a=category&v=elderly");
    await user.say("คุณยายอยู่บ้านคนเดียว ไม่มีคนดูแล");
    await user.newReplies();
    // Kuala Lumpur.
    await user.send({ type: "location", latitude: 3.139, longitude: 101.6869 });
    expect((await user.newReplies()).map(visibleText).join("\n")).toContain("นอกประเทศไทย");
    const session = (await db.collection("sessions").doc(user.userId).get()).data()!;
    expect(session.step).toBe("location");
  });

  it("should keep nothing a minute after the citizen cancels midway, including the photo already sent", async () => {
    const user = await ChatUser.create("th");
    await startReport(user);
    await user.send(photo);
    const [path] = (await db.collection("sessions").doc(user.userId).get()).data()!.draft
      .photos as string[];
    expect(existsSync(join(inject("stack").photoDir, path!))).toBe(true);

    await user.say("ยกเลิก");
    expect(visibleText((await user.newReplies()).at(-1)!)).toContain("ยกเลิกการแจ้งเรื่องแล้ว");
    expect(await reportsOf(user.userId)).toEqual([]);
    // "เอาเรื่องกลับมา" is offered for a minute; then the sweep deletes the draft and its photo.
    const session = db.collection("sessions").doc(user.userId);
    expect(existsSync(join(inject("stack").photoDir, path!))).toBe(true);
    await session.update({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await runSweep();
    await expectOnlyHistory(user.userId);
    expect(existsSync(join(inject("stack").photoDir, path!))).toBe(false);
    expect((await user.log()).filter(m => m.via === "push")).toEqual([]);
  });

  it("should tell the citizen politely when an unfinished report has expired after 30 minutes", async () => {
    const user = await ChatUser.create("th");
    await startReport(user);
    // Half an hour passes: the session's expiry is moved into the past.
    await db
      .collection("sessions")
      .doc(user.userId)
      .update({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await user.newReplies();

    await user.send(photo);
    const replies = await user.newReplies();
    expect(replies.map(visibleText).join("\n")).toContain("หมดเวลา");
    expect(await draftOf(user.userId)).toBeUndefined();
    await user.tap("a=menu.report");
    expect(visibleText((await user.newReplies()).at(-1)!)).toContain(
      "ต้องการแจ้งเรื่องเกี่ยวกับอะไร",
    );
  });

  it("should end an abandoned report on its own after 30 minutes, delete its photo and say so", async () => {
    const user = await ChatUser.create("en");
    await startReport(user);
    await user.send(photo);
    const ref = db.collection("sessions").doc(user.userId);
    const [path] = (await ref.get()).data()!.draft.photos as string[];
    await user.newReplies();
    // Half an hour passes with no answer; the every-minute sweep runs.
    await ref.update({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await runSweep();

    await expectOnlyHistory(user.userId);
    expect(existsSync(join(inject("stack").photoDir, path!))).toBe(false);
    const notice = await eventually(async () =>
      (await user.log()).find(
        m => m.via === "push" && visibleText(m.message).includes("timed out"),
      ),
    );
    expect(visibleText(notice.message)).toContain("has been deleted");
    expect(await reportsOf(user.userId)).toEqual([]);
  });

  it("should process a redelivered confirmation once: one report, one reply", async () => {
    const user = await ChatUser.create("th");
    await startReport(user);
    await user.tap("a=photos.done");
    await user.tap("a=phone.none");
    await user.newReplies();

    const first = await user.tap("a=confirm");
    const again = await user.send(
      { type: "postback", data: "a=confirm" },
      { webhookEventId: first.webhookEventId, isRedelivery: true },
    );
    const repeated = await user.send(
      { type: "postback", data: "a=confirm" },
      { webhookEventId: first.webhookEventId },
    );
    expect([first.status, again.status, repeated.status]).toEqual([200, 200, 200]);
    expect(await reportsOf(user.userId)).toHaveLength(1);
    const confirmations = (await user.newReplies()).filter(m =>
      visibleText(m).includes("เลขที่เรื่อง"),
    );
    expect(confirmations).toHaveLength(1);
  });

  it("should process one confirmation delivered twice at the same moment once", async () => {
    const user = await ChatUser.create("th");
    await startReport(user);
    await user.tap("a=photos.done");
    await user.tap("a=phone.none");
    await user.newReplies();

    const twice = { webhookEventId: "01JCONFIRMTWICEATONCE0000" };
    const results = await Promise.all([
      user.send({ type: "postback", data: "a=confirm" }, twice),
      user.send({ type: "postback", data: "a=confirm" }, twice),
    ]);
    expect(results.map(r => r.status)).toEqual([200, 200]);
    expect(await reportsOf(user.userId)).toHaveLength(1);
    const confirmations = (await user.newReplies()).filter(m =>
      visibleText(m).includes("เลขที่เรื่อง"),
    );
    expect(confirmations).toHaveLength(1);
  });

  it("should keep every photo when several arrive at the same moment", async () => {
    const user = await ChatUser.create("th");
    await startReport(user);
    const results = await Promise.all([user.send(photo), user.send(photo), user.send(photo)]);
    expect(results.map(r => r.status)).toEqual([200, 200, 200]);
    const session = (await db.collection("sessions").doc(user.userId).get()).data()!;
    expect(session.draft.photos).toHaveLength(3);
    expect(new Set(session.draft.photos).size).toBe(3);
    expect(session.step).toBe("phone");
  });

  it("should answer stickers, audio, video, files and unknown text politely", async () => {
    const user = await ChatUser.create("th");
    for (const type of ["sticker", "audio", "video", "file"] as const) {
      expect((await user.send({ type })).status).toBe(200);
    }
    expect((await user.say("สวัสดี")).status).toBe(200);
    const replies = await user.newReplies();
    expect(replies).toHaveLength(5);
    expect(visibleText(replies[3]!)).toContain("ข้อความเสียง วิดีโอ และตำแหน่ง");
    for (const reply of replies) expect(quickReplyLabels(reply)).toContain("แจ้งเรื่อง");
  });

  it("should speak English to a user whose LINE is set to English", async () => {
    const user = await ChatUser.create("en");
    await user.send({ type: "follow" });
    expect(visibleText((await user.newReplies())[0]!)).toContain("social assistance service");
    await user.say("report");
    await user.tap("a=category&v=elderly");
    expect(visibleText((await user.newReplies()).at(-1)!)).toContain(
      "Please tell us what happened",
    );
    await user.say("ภาษาไทย");
    expect(visibleText((await user.newReplies())[0]!)).toContain("เปลี่ยนเป็นภาษาไทยแล้ว");
    // The switch holds for the messages after it, and for the pushes that read the record.
    await user.tap("a=menu.track");
    expect(visibleText((await user.newReplies())[0]!)).toContain("ยังไม่มีเรื่อง");
    expect((await db.collection("users").doc(user.userId).get()).data()?.language).toBe("th");
  });

  it("should keep speaking a person's language when their session was stored without it", async () => {
    // LINE says Thai; the person chose English in the chat, which their user record keeps.
    const user = await ChatUser.create("th");
    await user.say("English");
    expect(visibleText((await user.newReplies())[0]!)).toContain("Switched to English");
    // A session written before sessions kept the language.
    const session = db.collection("sessions").doc(user.userId);
    await session.update({ language: FieldValue.delete() });
    await user.tap("a=menu.track");
    expect(visibleText((await user.newReplies())[0]!)).toContain("You have no reports yet");
    expect((await session.get()).data()?.language).toBe("en");
  });
});

describe("the webhook endpoint", () => {
  const sign = (body: string) =>
    createHmac("sha256", inject("stack").channelSecret).update(body).digest("base64");
  const eventBody = (userId: string) =>
    JSON.stringify({
      destination: "U0",
      events: [
        {
          type: "message",
          mode: "active",
          timestamp: Date.now(),
          webhookEventId: "01TESTBADSIGNATURE000000000",
          deliveryContext: { isRedelivery: false },
          source: { type: "user", userId },
          replyToken: "x",
          message: { type: "text", id: "1", text: "แจ้งเรื่อง", quoteToken: "q" },
        },
      ],
    });
  const post = (body: string, headers: Record<string, string>) =>
    fetch(inject("stack").webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });

  it("should refuse a body with a wrong or missing signature and process nothing", async () => {
    const body = eventBody("Ubad");
    const wrong = await post(body, { "x-line-signature": sign(body + " ") });
    const missing = await post(body, {});
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    expect((await wrong.json()).message).toMatch(/signature/);
    expect((await db.collection("events").get()).size).toBe(0);
    expect((await db.collection("sessions").get()).size).toBe(0);
  });

  it("should answer 400, not 500, to a signed body that is not a LINE webhook", async () => {
    const notJson = "this is not json";
    expect((await post(notJson, { "x-line-signature": sign(notJson) })).status).toBe(400);
    const wrongShape = JSON.stringify({ hello: "world" });
    expect((await post(wrongShape, { "x-line-signature": sign(wrongShape) })).status).toBe(400);
  });

  it("should acknowledge event types it does not handle without writing anything", async () => {
    const body = JSON.stringify({
      destination: "U0",
      events: [
        {
          type: "beacon",
          mode: "active",
          timestamp: Date.now(),
          webhookEventId: "01BEACON",
          source: { type: "user", userId: "Ux" },
        },
        { type: "something_new", mode: "active", timestamp: Date.now(), webhookEventId: "01NEW" },
      ],
    });
    expect((await post(body, { "x-line-signature": sign(body) })).status).toBe(200);
    expect((await db.collection("events").get()).size).toBe(0);
  });
});
