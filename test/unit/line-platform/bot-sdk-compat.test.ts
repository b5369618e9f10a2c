import { HTTPFetchError, messagingApi, validateSignature } from "@line/bot-sdk";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SECRET, startHarness, TOKEN } from "./harness";
import type { Harness } from "./harness";

let h: Harness;
let client: messagingApi.MessagingApiClient;
let blob: messagingApi.MessagingApiBlobClient;

beforeEach(async () => {
  h = await startHarness();
  client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: h.line.url });
  blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: TOKEN,
    baseURL: h.line.url,
  });
});

afterEach(async () => {
  await h.close();
});

describe("the @line/bot-sdk clients pointed at the stand-in", () => {
  it("validate the webhook signature and reply with the event's reply token", async () => {
    const userId = await h.newUser();
    h.respond = async webhook => {
      const signature = String(webhook.headers["x-line-signature"]);
      if (!validateSignature(webhook.rawBody, SECRET, signature)) return 401;
      await client.showLoadingAnimation({ chatId: userId, loadingSeconds: 5 });
      await client.replyMessage({
        replyToken: String(webhook.body.events[0]!.replyToken),
        messages: [{ type: "text", text: "สวัสดีค่ะ" }],
      });
      return 200;
    };

    const sent = await h.sim("POST", `/sim/users/${userId}/events`, { type: "text", text: "hi" });
    const log = await h.sim("GET", `/sim/users/${userId}/messages`);

    expect(sent.json.status).toBe(200);
    expect(log.json.messages[1]).toMatchObject({
      from: "bot",
      via: "reply",
      message: { type: "text", text: "สวัสดีค่ะ" },
    });
  });

  it("push with a retry key, read a profile and download content", async () => {
    const userId = await h.newUser({ displayName: "ทดสอบ" });
    await h.sim("POST", `/sim/users/${userId}/events`, {
      type: "image",
      contentBase64: Buffer.from("jpeg bytes").toString("base64"),
      contentType: "image/jpeg",
    });
    const messageId = String(h.received[0]!.body.events[0]!.message?.id);
    const retryKey = randomUUID();

    const pushed = await client.pushMessage(
      { to: userId, messages: [{ type: "text", text: "x" }] },
      retryKey,
    );
    const conflict = await client
      .pushMessage({ to: userId, messages: [{ type: "text", text: "x" }] }, retryKey)
      .catch((error: unknown) => error);
    const profile = await client.getProfile(userId);
    const chunks: Buffer[] = [];
    for await (const chunk of await blob.getMessageContent(messageId)) {
      chunks.push(Buffer.from(chunk as Uint8Array));
    }

    expect(pushed.sentMessages).toHaveLength(1);
    expect(conflict).toBeInstanceOf(HTTPFetchError);
    expect((conflict as HTTPFetchError).status).toBe(409);
    expect(profile).toMatchObject({ userId, displayName: "ทดสอบ" });
    expect(Buffer.concat(chunks).toString()).toBe("jpeg bytes");
  });
});
