import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SECRET, startHarness } from "./harness";
import type { Harness } from "./harness";

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.close();
});

function expectedSignature(rawBody: string): string {
  return createHmac("sha256", SECRET).update(rawBody).digest("base64");
}

describe("webhook delivery", () => {
  it("delivers a user's text as a message event signed with the channel secret", async () => {
    const userId = await h.newUser({ displayName: "สมชาย" });

    const sent = await h.sim("POST", `/sim/users/${userId}/events`, {
      type: "text",
      text: "สวัสดี",
    });

    expect(sent.status).toBe(200);
    expect(h.received).toHaveLength(1);
    const webhook = h.received[0]!;
    expect(webhook.headers["x-line-signature"]).toBe(expectedSignature(webhook.rawBody));
    expect(webhook.headers["content-type"]).toMatch(/^application\/json/);
    expect(webhook.body.destination).toMatch(/^U[0-9a-f]{32}$/);
    const event = webhook.body.events[0]!;
    expect(event).toMatchObject({
      type: "message",
      mode: "active",
      source: { type: "user", userId },
      deliveryContext: { isRedelivery: false },
      message: { type: "text", text: "สวัสดี" },
    });
    expect(event.webhookEventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(event.replyToken).toMatch(/^[0-9a-f]{32}$/);
    expect(event.message?.id).toMatch(/^\d+$/);
    expect(typeof event.message?.quoteToken).toBe("string");
    expect(Math.abs(event.timestamp - Date.now())).toBeLessThan(5000);
  });

  it("answers the simulator with the webhook's status, event id and reply token", async () => {
    const userId = await h.newUser();
    h.respond = () => 500;

    const sent = await h.sim("POST", `/sim/users/${userId}/events`, { type: "text", text: "hi" });

    const event = h.received[0]!.body.events[0]!;
    expect(sent.json).toEqual({
      status: 500,
      webhookEventId: event.webhookEventId,
      replyToken: event.replyToken,
      responseBody: "bot failed",
    });
  });

  it("builds image, location, sticker, postback, follow and unfollow events as LINE does", async () => {
    const userId = await h.newUser();
    const post = (body: unknown) => h.sim("POST", `/sim/users/${userId}/events`, body);

    await post({
      type: "image",
      contentBase64: Buffer.from("img").toString("base64"),
      contentType: "image/png",
    });
    await post({ type: "location", latitude: 18.7883, longitude: 98.9853, title: "เมืองเก่า" });
    await post({ type: "sticker" });
    await post({ type: "postback", data: "action=report", params: { date: "2025-01-02" } });
    await post({ type: "unfollow" });
    await post({ type: "follow" });

    const events = h.received.map(w => w.body.events[0]!);
    expect(events[0]!.message).toMatchObject({ type: "image", contentProvider: { type: "line" } });
    expect(events[1]!.message).toMatchObject({
      type: "location",
      latitude: 18.7883,
      longitude: 98.9853,
      title: "เมืองเก่า",
    });
    expect(events[1]!.message).not.toHaveProperty("quoteToken");
    expect(events[2]!.message).toMatchObject({
      type: "sticker",
      packageId: "446",
      stickerId: "1988",
    });
    expect(events[3]).toMatchObject({
      type: "postback",
      postback: { data: "action=report", params: { date: "2025-01-02" } },
    });
    expect(events[4]!.type).toBe("unfollow");
    expect(events[4]).not.toHaveProperty("replyToken");
    expect(events[5]).toMatchObject({ type: "follow", follow: { isUnblocked: true } });
    expect(typeof events[5]!.replyToken).toBe("string");
  });

  it("refuses a message from a user who blocked the account until they follow again", async () => {
    const userId = await h.newUser();
    await h.sim("POST", `/sim/users/${userId}/events`, { type: "unfollow" });

    const refused = await h.sim("POST", `/sim/users/${userId}/events`, {
      type: "text",
      text: "hi",
    });

    expect(refused.status).toBe(409);
    expect(h.received).toHaveLength(1);
  });

  it("sends a batch of events in one signed webhook request", async () => {
    const userId = await h.newUser();

    const sent = await h.sim("POST", `/sim/users/${userId}/events/batch`, {
      events: [
        { type: "text", text: "one" },
        { type: "text", text: "two" },
      ],
    });

    expect(sent.json.status).toBe(200);
    expect(sent.json.webhookEventIds).toHaveLength(2);
    expect(h.received).toHaveLength(1);
    expect(h.received[0]!.body.events.map(e => e.message?.text)).toEqual(["one", "two"]);
    expect(h.received[0]!.headers["x-line-signature"]).toBe(
      expectedSignature(h.received[0]!.rawBody),
    );
  });

  it("redelivers a known event with the same webhookEventId and isRedelivery set", async () => {
    const userId = await h.newUser();
    const first = await h.sim("POST", `/sim/users/${userId}/events`, {
      type: "text",
      text: "again",
    });

    const again = await h.sim("POST", `/sim/users/${userId}/events`, {
      webhookEventId: first.json.webhookEventId,
      isRedelivery: true,
    });

    expect(again.json.webhookEventId).toBe(first.json.webhookEventId);
    const [original, redelivered] = h.received.map(w => w.body.events[0]!);
    expect(redelivered).toEqual({ ...original, deliveryContext: { isRedelivery: true } });
    const log = await h.sim("GET", `/sim/users/${userId}/messages`);
    expect(log.json.messages).toHaveLength(1);
  });

  it("posts a raw body with a wrong signature when a test asks for one", async () => {
    h.respond = webhook =>
      webhook.headers["x-line-signature"] === expectedSignature(webhook.rawBody) ? 200 : 401;

    const forged = await h.sim("POST", "/sim/webhook/raw", {
      body: '{"destination":"x","events":[]}',
      signature: "forged",
    });
    const signed = await h.sim("POST", "/sim/webhook/raw", {
      body: '{"destination":"x","events":[]}',
    });

    expect(forged.json.status).toBe(401);
    expect(signed.json.status).toBe(200);
  });

  it("reports an unreachable webhook instead of hanging", async () => {
    const userId = await h.newUser();
    h.line.setWebhookUrl("http://127.0.0.1:9/webhook");

    const sent = await h.sim("POST", `/sim/users/${userId}/events`, { type: "text", text: "hi" });

    expect(sent.status).toBe(502);
    expect(sent.json.status).toBe(0);
    expect(sent.json.error).toBeTruthy();
  });

  it("keeps the conversation log in order and returns only entries after a given seq", async () => {
    const userId = await h.newUser();
    h.respond = async webhook => {
      const replyToken = webhook.body.events[0]!.replyToken;
      await h.api("/v2/bot/message/reply", {
        body: { replyToken, messages: [{ type: "text", text: "รับทราบ" }] },
      });
      return 200;
    };

    await h.sim("POST", `/sim/users/${userId}/events`, { type: "text", text: "แจ้งเหตุ" });
    const all = await h.sim("GET", `/sim/users/${userId}/messages`);
    const later = await h.sim(
      "GET",
      `/sim/users/${userId}/messages?after=${all.json.messages[0].seq}`,
    );

    expect(all.json.messages.map((m: { from: string; via: string }) => [m.from, m.via])).toEqual([
      ["user", "webhook"],
      ["bot", "reply"],
    ]);
    expect(later.json.messages).toHaveLength(1);
    expect(later.json.messages[0].message).toMatchObject({ type: "text", text: "รับทราบ" });
  });
});
