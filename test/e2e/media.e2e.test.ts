import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { ChatUser, quickReplyLabels, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import { M4A_START } from "../support/media-files";

const db = testFirestore();
const voice = (extra: { preparingChecks?: number; preparationFails?: boolean } = {}) => ({
  type: "audio" as const,
  contentBase64: M4A_START.toString("base64"),
  contentType: "audio/x-m4a",
  duration: 75_000,
  ...extra,
});

const sessionOf = async (user: ChatUser) =>
  (await db.collection("sessions").doc(user.userId).get()).data();

beforeEach(async () => {
  await clearFirestore();
});

describe("voice, video and files that are not what they claim", () => {
  it("should refuse a text file sent as an image politely, keeping nothing", async () => {
    const user = await ChatUser.create("th");
    await user.send({
      type: "image",
      contentBase64: Buffer.from("this is a text file, not a photo").toString("base64"),
      contentType: "image/jpeg",
    });
    expect((await user.newReplies()).map(visibleText).join("\n")).toContain("เปิดไฟล์นี้ไม่ได้");
    // Nothing kept: the session holds only the processed event ids, no draft.
    expect(await sessionOf(user)).toMatchObject({ flow: "idle" });
    expect(await sessionOf(user)).not.toHaveProperty("draft");
  });

  it("should wait for LINE to prepare a voice note, keep it with its length and offer to report it", async () => {
    const user = await ChatUser.create("th");
    await user.send(voice({ preparingChecks: 1 }));
    expect(visibleText((await user.newReplies()).at(-1)!)).toContain("ต้องการแจ้งเรื่องนี้ไหมคะ");
    const session = (await sessionOf(user))!;
    expect(session).toMatchObject({
      flow: "report",
      step: "offer",
      draft: { description: "", media: [{ kind: "audio", durationMs: 75_000 }] },
    });
    const path = session.draft.media[0].path as string;
    expect(path).toMatch(/\.m4a$/);
    expect(existsSync(join(inject("stack").photoDir, path))).toBe(true);
  });

  it("should ask for the voice note again when LINE could not prepare it", async () => {
    const user = await ChatUser.create("th");
    await user.send(voice({ preparationFails: true }));
    expect((await user.newReplies()).map(visibleText).join("\n")).toContain("รับไฟล์นี้ไม่สำเร็จ");
    // Nothing kept: the session holds only the processed event ids, no draft.
    expect(await sessionOf(user)).toMatchObject({ flow: "idle" });
    expect(await sessionOf(user)).not.toHaveProperty("draft");
  });

  it("should keep a voice note sent on the danger path with the urgent case, waiting for LINE to prepare it", async () => {
    const user = await ChatUser.create("th");
    await user.tap("a=urgent");
    await user.newReplies();
    await user.send(voice({ preparingChecks: 1 }));
    expect((await user.newReplies()).map(visibleText).join("\n")).toContain(
      "ได้รับข้อความเสียงแล้ว",
    );
    const cases = await db
      .collection("cases")
      .where("reporter.lineUserId", "==", user.userId)
      .get();
    expect(cases.size).toBe(1);
    const stored = cases.docs[0]!.data();
    expect(stored).toMatchObject({ urgent: true, media: [{ kind: "audio", durationMs: 75_000 }] });
    const path = stored.media[0].path as string;
    // Kept under the case, like its photos.
    expect(path).toContain(`/${cases.docs[0]!.id}/`);
    expect(existsSync(join(inject("stack").photoDir, path))).toBe(true);
    // The place is still the question; "what happened" will not be asked, it was told.
    expect(await sessionOf(user)).toMatchObject({
      flow: "urgent",
      step: "location",
      answered: ["description"],
    });
  });

  it("should answer a voice note in the welfare check politely and ask the same question with its buttons", async () => {
    const user = await ChatUser.create("th");
    await user.tap("a=menu.welfare");
    const question = (await user.newReplies()).at(-1)!;
    await user.send(voice());
    const replies = await user.newReplies();
    expect(replies.map(visibleText).join("\n")).toContain("คำถามนี้ตอบโดยแตะปุ่มด้านล่าง");
    expect(visibleText(replies.at(-1)!)).toBe(visibleText(question));
    expect(quickReplyLabels(replies.at(-1)!)).toEqual(quickReplyLabels(question));
    expect(quickReplyLabels(question).length).toBeGreaterThan(1);
    expect(await sessionOf(user)).toMatchObject({ flow: "welfare", step: "interest" });
  });
});
