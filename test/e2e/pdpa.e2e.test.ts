import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { grantRole, lineUser, seedCase } from "../support/accounts";
import { ChatUser, quickReplyLabels, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import { runSweep } from "../support/line-log";

const db = testFirestore();

// What the chat flow below tells the bot; none of it may reach a log.
const PHONE = "0891234567";
const NATIONAL_ID = "3101700203451";
const DESCRIPTION = `เด็กชายอายุ 9 ขวบถูกทิ้งไว้คนเดียวที่บ้านเลขที่ 45/2 หลายวันแล้ว แม่ชื่อมาลี เลขบัตรประชาชน ${NATIONAL_ID}`;

/** A citizen files a report through the chat, with a phone number shared with staff. */
async function reportThroughChat(citizen: ChatUser): Promise<string> {
  await citizen.tap("a=menu.report");
  await citizen.tap("a=category&v=children_youth");
  await citizen.say(DESCRIPTION);
  await citizen.say("ต.ศรีภูมิ อ.เมืองเชียงใหม่ จ.เชียงใหม่");
  await citizen.tap("a=photos.done");
  await citizen.say(PHONE);
  await citizen.tap("a=confirm");
  const confirmation = (await citizen.newReplies()).map(visibleText).join("\n");
  return /(?:เลขที่เรื่อง|Ticket): (\S+)/.exec(confirmation)![1]!;
}

beforeEach(async () => {
  await clearFirestore();
});

describe("a citizen's rights over their data (PDPA)", () => {
  it("should show what is held about them, in Thai and in English, without the words themselves", async () => {
    const citizen = await ChatUser.create("th");
    const ticket = await reportThroughChat(citizen);

    await citizen.tap("a=menu.track");
    const track = (await citizen.newReplies()).at(-1)!;
    expect(quickReplyLabels(track)).toContain("ข้อมูลของฉัน");

    await citizen.say("ข้อมูลของฉัน");
    const summary = (await citizen.newReplies()).at(-1)!;
    expect(summary.type).toBe("flex");
    const text = visibleText(summary);
    expect(text).toContain(ticket);
    expect(text).toContain("ภาษาที่ใช้: ไทย");
    expect(text).toContain("ไม่มีการสนทนาที่ค้างอยู่");
    expect(text).toContain("เบอร์โทร: มี");
    expect(text).toContain("รูป: 0 รูป");
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(NATIONAL_ID);
    expect(quickReplyLabels(summary)).toContain("ลบข้อมูลของฉัน");

    // Mid-report, in English: the summary says a conversation is under way.
    await citizen.say("English");
    await citizen.tap("a=menu.report");
    await citizen.say("my data");
    const english = visibleText((await citizen.newReplies()).at(-1)!);
    expect(english).toContain("Language: English");
    expect(english).toContain("A conversation is in progress");
  });

  it("should erase their identity after a confirm, keep the case's facts, tell staff on the case, and cancel pushes to them", async () => {
    const citizen = await ChatUser.create("th");
    await citizen.send({ type: "follow" });
    const staff = await lineUser("เจ้าหน้าที่ ทดสอบ");
    await grantRole(staff.userId, "staff");
    const open = await seedCase({
      reporter: { lineUserId: citizen.userId, phone: PHONE, language: "th" },
      status: "acknowledged",
      acknowledgedBy: {
        userId: staff.userId,
        name: "เจ้าหน้าที่ ทดสอบ",
        at: new Date().toISOString(),
      },
    });
    const closed = await seedCase({
      reporter: { lineUserId: citizen.userId, phone: null, language: "th" },
      status: "closed",
    });
    const other = await seedCase({
      reporter: { lineUserId: "Uother", phone: null, language: "th" },
    });
    // A push to the citizen still waiting to go (LINE was down).
    await db
      .collection("outbox")
      .doc("waiting")
      .set({
        to: citizen.userId,
        messages: [{ type: "text", text: "เรื่องของท่านได้รับการดูแลแล้ว" }],
        status: "pending",
        attempts: 3,
        nextAttemptAt: Date.now() + 3_600_000,
        leaseUntil: 0,
        reason: "citizen.acknowledged",
        ticket: open.ticket,
        retryKey: "k",
        createdAt: new Date().toISOString(),
      });

    await citizen.say("ลบข้อมูลของฉัน");
    const question = (await citizen.newReplies()).at(-1)!;
    expect(quickReplyLabels(question)).toEqual(["ยืนยัน ลบข้อมูล", "ไม่ลบ"]);
    await citizen.tap("a=erase.keep");
    expect(visibleText((await citizen.newReplies()).at(-1)!)).toContain("ไม่ได้ลบข้อมูล");
    expect((await db.collection("cases").doc(open.ticket).get()).get("reporter.lineUserId")).toBe(
      citizen.userId,
    );

    await citizen.tap("a=erase.confirm");
    const done = visibleText((await citizen.newReplies()).at(-1)!);
    const requestId = /ER-[0-9A-F]{10}/.exec(done)?.[0];
    expect(requestId).toBeDefined();
    expect(done).toContain("หน้าที่ตามกฎหมาย");

    for (const ticket of [open.ticket, closed.ticket]) {
      const stored = (await db.collection("cases").doc(ticket).get()).data()!;
      expect(stored.reporter).toMatchObject({ lineUserId: null, phone: null });
      expect(stored.reporter.erasedAt).toEqual(expect.any(String));
      expect(stored.description).toBe(open.description);
      expect(stored.location).toEqual(open.location);
    }
    expect((await db.collection("cases").doc(other.ticket).get()).get("reporter.lineUserId")).toBe(
      "Uother",
    );
    expect((await db.collection("users").doc(citizen.userId).get()).exists).toBe(false);
    expect((await db.collection("sessions").doc(citizen.userId).get()).exists).toBe(false);
    expect((await db.collection("outbox").doc("waiting").get()).exists).toBe(false);

    const audit = await db.collection("audit").where("action", "==", "erase_reporter").get();
    expect(audit.size).toBe(1);
    expect(audit.docs[0]!.get("target")).toBe(requestId);
    expect(JSON.stringify(audit.docs[0]!.data())).not.toContain(citizen.userId);

    // Staff on the open case are told (ticket only, queued with the erase); nobody of the closed one.
    const told = await db
      .collection("outbox")
      .where("reason", "==", "staff.reporter_withdrew")
      .get();
    expect(told.docs.map(doc => [doc.get("to"), doc.get("ticket")])).toEqual([
      [staff.userId, open.ticket],
    ]);
    const words = visibleText({ messages: told.docs[0]!.get("messages") });
    expect(words).toContain("ผู้แจ้งขอลบข้อมูล");
    expect(words).not.toContain(PHONE);

    // No longer linked: tracking and the summary show nothing.
    await citizen.tap("a=menu.track");
    expect(visibleText((await citizen.newReplies()).at(-1)!)).toContain(
      "ยังไม่มีเรื่องที่ท่านแจ้ง",
    );
    await citizen.say("ข้อมูลของฉัน");
    expect(visibleText((await citizen.newReplies()).at(-1)!)).toContain(
      "ยังไม่มีเรื่องที่ท่านแจ้ง",
    );
  });

  it("should keep phone numbers, ID numbers and descriptions out of the logs", async () => {
    const citizen = await ChatUser.create("th");
    await reportThroughChat(citizen);
    await citizen.say("ข้อมูลของฉัน");
    await citizen.say("ลบข้อมูลของฉัน");
    await citizen.tap("a=erase.confirm");
    // Let the emulators flush what the functions printed.
    await new Promise(done => setTimeout(done, 1_500));
    const log = readFileSync(inject("stack").emulatorLog, "utf8");
    expect(log).toContain("reporter erased");
    for (const secret of [PHONE, "089-123-4567", NATIONAL_ID, DESCRIPTION, "แม่ชื่อมาลี"]) {
      expect(log.includes(secret), `the log holds "${secret}"`).toBe(false);
    }
  });
});

describe("retention of case photos", () => {
  it("should delete the photos and voice notes of a case closed longer than the retention period, and record it", async () => {
    const { photoDir } = inject("stack");
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const recently = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const file = (name: string) => {
      const path = `report-photos/Uretention/${name}`;
      mkdirSync(join(photoDir, "report-photos/Uretention"), { recursive: true });
      writeFileSync(join(photoDir, path), "png");
      return path;
    };
    const old = await seedCase({
      status: "closed",
      photos: [file("old.png")],
      media: [{ path: file("old.m4a"), kind: "audio", durationMs: 42_000 }],
      photosRemovedAt: null,
      updatedAt: longAgo,
    });
    const fresh = await seedCase({
      status: "closed",
      photos: [file("fresh.png")],
      media: [{ path: file("fresh.m4a"), kind: "audio", durationMs: 42_000 }],
      photosRemovedAt: null,
      updatedAt: recently,
    });
    const open = await seedCase({
      status: "in_progress",
      photos: [file("open.png")],
      media: [{ path: file("open.m4a"), kind: "audio", durationMs: 42_000 }],
      photosRemovedAt: null,
      updatedAt: longAgo,
    });

    await runSweep();

    const purged = (await db.collection("cases").doc(old.ticket).get()).data()!;
    expect(purged.photos).toEqual([]);
    expect(purged.media).toEqual([]);
    expect(purged.photosRemovedAt).toEqual(expect.any(String));
    expect(purged.description).toBe(old.description);
    expect(existsSync(join(photoDir, old.photos[0]!))).toBe(false);
    expect(existsSync(join(photoDir, old.media![0]!.path))).toBe(false);
    for (const kept of [fresh, open]) {
      const stored = (await db.collection("cases").doc(kept.ticket).get()).data()!;
      expect(stored.photos).toEqual(kept.photos);
      expect(existsSync(join(photoDir, kept.photos[0]!))).toBe(true);
      expect(existsSync(join(photoDir, kept.media![0]!.path))).toBe(true);
    }
  });
});
