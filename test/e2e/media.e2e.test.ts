import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { ChatUser, visibleText } from "../support/chat";
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
    expect(await sessionOf(user)).toBeUndefined();
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
    expect(await sessionOf(user)).toBeUndefined();
  });
});
