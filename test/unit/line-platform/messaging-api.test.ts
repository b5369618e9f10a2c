import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, textMessage } from "./harness";
import type { Harness } from "./harness";

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.close();
});

async function replyTokenFor(userId: string): Promise<string> {
  const sent = await h.sim("POST", `/sim/users/${userId}/events`, { type: "text", text: "hi" });
  return String(sent.json.replyToken);
}

async function botMessages(userId: string): Promise<Array<Record<string, unknown>>> {
  const log = await h.sim("GET", `/sim/users/${userId}/messages`);
  return (log.json.messages as Array<{ from: string; message: Record<string, unknown> }>)
    .filter(entry => entry.from === "bot")
    .map(entry => entry.message);
}

describe("reply", () => {
  it("records a reply in the user's conversation and refuses the same reply token twice", async () => {
    const userId = await h.newUser();
    const replyToken = await replyTokenFor(userId);

    const first = await h.api("/v2/bot/message/reply", {
      body: { replyToken, messages: [textMessage("ได้รับเรื่องแล้ว")] },
    });
    const second = await h.api("/v2/bot/message/reply", {
      body: { replyToken, messages: [textMessage("again")] },
    });

    expect(first.status).toBe(200);
    expect(first.json.sentMessages).toHaveLength(1);
    expect(first.json.sentMessages[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      quoteToken: expect.any(String),
    });
    expect(first.headers.get("x-line-request-id")).toBeTruthy();
    expect(second.status).toBe(400);
    expect(second.json).toEqual({ message: "Invalid reply token" });
    expect(await botMessages(userId)).toEqual([
      expect.objectContaining({ type: "text", text: "ได้รับเรื่องแล้ว" }),
    ]);
  });

  it("refuses a reply token after it has expired", async () => {
    await h.close();
    h = await startHarness({ replyTokenTtlMs: 30 });
    const userId = await h.newUser();
    const replyToken = await replyTokenFor(userId);
    await new Promise(resolve => setTimeout(resolve, 60));

    const late = await h.api("/v2/bot/message/reply", {
      body: { replyToken, messages: [textMessage("too late")] },
    });

    expect(late.status).toBe(400);
    expect(late.json.message).toBe("Invalid reply token");
  });

  it("rejects invalid messages with details naming each property, without using the token", async () => {
    const userId = await h.newUser();
    const replyToken = await replyTokenFor(userId);

    const tooMany = await h.api("/v2/bot/message/reply", {
      body: { replyToken, messages: Array.from({ length: 6 }, () => textMessage("x")) },
    });
    const badContent = await h.api("/v2/bot/message/reply", {
      body: {
        replyToken,
        messages: [
          textMessage("x".repeat(5001)),
          { type: "carrier-pigeon" },
          {
            type: "text",
            text: "choose",
            quickReply: {
              items: [
                {
                  type: "action",
                  action: { type: "message", label: "a label that is far too long", text: "x" },
                },
              ],
            },
          },
          { type: "flex", altText: "y".repeat(1501), contents: { type: "bubble" } },
        ],
      },
    });
    const stillValid = await h.api("/v2/bot/message/reply", {
      body: { replyToken, messages: [textMessage("ok")] },
    });

    expect(tooMany.status).toBe(400);
    expect(tooMany.json.details).toEqual([
      { message: "Size must be between 1 and 5", property: "messages" },
    ]);
    expect(badContent.status).toBe(400);
    expect(badContent.json.message).toBe("The request body has 4 error(s)");
    expect(badContent.json.details.map((d: { property: string }) => d.property)).toEqual([
      "messages[0].text",
      "messages[1].type",
      "messages[2].quickReply.items[0].action.label",
      "messages[3].altText",
    ]);
    expect(stillValid.status).toBe(200);
  });

  it("reports a broken flex bubble the way LINE does, with a JSON pointer", async () => {
    const userId = await h.newUser();
    const replyToken = await replyTokenFor(userId);

    const res = await h.api("/v2/bot/message/reply", {
      body: {
        replyToken,
        messages: [
          {
            type: "flex",
            altText: "card",
            contents: {
              type: "bubble",
              footer: { type: "box", layout: "vertical", contents: [{ type: "button" }] },
            },
          },
        ],
      },
    });

    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      message: "A message (messages[0]) in the request body is invalid",
      details: [{ message: "must be specified", property: "/footer/contents/0/action" }],
    });
  });

  it("allows at most 13 quick reply items", async () => {
    const userId = await h.newUser();
    const replyToken = await replyTokenFor(userId);
    const item = { type: "action", action: { type: "message", label: "ok", text: "ok" } };

    const res = await h.api("/v2/bot/message/reply", {
      body: {
        replyToken,
        messages: [{ type: "text", text: "pick", quickReply: { items: Array(14).fill(item) } }],
      },
    });

    expect(res.status).toBe(400);
    expect(res.json.details[0].property).toBe("messages[0].quickReply.items");
  });
});

describe("push", () => {
  it("answers 409 to a push repeated with the same retry key and records it once", async () => {
    const userId = await h.newUser();
    const retryKey = randomUUID();
    const push = () =>
      h.api("/v2/bot/message/push", {
        body: { to: userId, messages: [textMessage("อัปเดตสถานะ")] },
        headers: { "x-line-retry-key": retryKey },
      });

    const first = await push();
    const retry = await push();

    expect(first.status).toBe(200);
    expect(retry.status).toBe(409);
    expect(retry.json).toEqual({
      message: "The retry key is already accepted",
      sentMessages: first.json.sentMessages,
    });
    expect(retry.headers.get("x-line-accepted-request-id")).toBe(
      first.headers.get("x-line-request-id"),
    );
    expect(retry.headers.get("x-line-request-id")).not.toBe(first.headers.get("x-line-request-id"));
    expect(await botMessages(userId)).toHaveLength(1);
  });

  it("rejects a retry key that is not a UUID", async () => {
    const userId = await h.newUser();

    const res = await h.api("/v2/bot/message/push", {
      body: { to: userId, messages: [textMessage("x")] },
      headers: { "x-line-retry-key": "not-a-uuid" },
    });

    expect(res.status).toBe(400);
    expect(await botMessages(userId)).toHaveLength(0);
  });

  it("answers 400 for a user ID that does not exist and 200 for one who blocked the account", async () => {
    const blocked = await h.newUser();
    await h.sim("POST", `/sim/users/${blocked}/events`, { type: "unfollow" });

    const unknown = await h.api("/v2/bot/message/push", {
      body: { to: "U" + "0".repeat(32), messages: [textMessage("x")] },
    });
    const toBlocked = await h.api("/v2/bot/message/push", {
      body: { to: blocked, messages: [textMessage("x")] },
    });

    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ message: "Failed to send messages" });
    expect(toBlocked.status).toBe(200);
    expect(await botMessages(blocked)).toHaveLength(0);
  });
});

describe("authentication and faults", () => {
  it("answers 401 with LINE's message for a wrong or missing bearer token", async () => {
    const userId = await h.newUser();
    const body = { to: userId, messages: [textMessage("x")] };

    const wrong = await h.api("/v2/bot/message/push", { body, token: "nope" });
    const missing = await h.api("/v2/bot/message/push", { body, token: null });

    expect(wrong.status).toBe(401);
    expect(wrong.json.message).toMatch(/^Authentication failed/);
    expect(missing.status).toBe(401);
    expect(missing.json.message).toMatch(/^Authorization header required/);
    expect(await botMessages(userId)).toHaveLength(0);
  });

  it("fails the next pushes with an injected fault and then recovers", async () => {
    const userId = await h.newUser();
    await h.sim("POST", "/__control/faults", {
      path: "/v2/bot/message/push",
      status: 500,
      count: 2,
    });
    const push = () =>
      h.api("/v2/bot/message/push", { body: { to: userId, messages: [textMessage("x")] } });

    const statuses = [(await push()).status, (await push()).status, (await push()).status];

    expect(statuses).toEqual([500, 500, 200]);
    expect(await botMessages(userId)).toHaveLength(1);
  });

  it("uses LINE's monthly-limit message for an injected 429 until the faults are cleared", async () => {
    const userId = await h.newUser();
    await h.sim("POST", "/__control/faults", {
      path: "/v2/bot/message/push",
      status: 429,
      count: 5,
    });
    const push = () =>
      h.api("/v2/bot/message/push", { body: { to: userId, messages: [textMessage("x")] } });

    const limited = await push();
    await h.sim("DELETE", "/__control/faults");
    const after = await push();

    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ message: "You have reached your monthly limit." });
    expect(after.status).toBe(200);
  });

  it("can accept a push and still fail its answer, so a retry with the key gets 409", async () => {
    const userId = await h.newUser();
    const retryKey = randomUUID();
    await h.sim("POST", "/__control/faults", {
      path: "/v2/bot/message/push",
      status: 500,
      acceptFirst: true,
    });
    const push = () =>
      h.api("/v2/bot/message/push", {
        body: { to: userId, messages: [textMessage("x")] },
        headers: { "x-line-retry-key": retryKey },
      });

    const lost = await push();
    const retry = await push();

    expect(lost.status).toBe(500);
    expect(retry.status).toBe(409);
    expect(await botMessages(userId)).toHaveLength(1);
  });
});

describe("profile, content and loading animation", () => {
  it("returns a known user's profile and 404 for an unknown user", async () => {
    const userId = await h.newUser({ displayName: "สมหญิง", language: "en" });

    const known = await h.api(`/v2/bot/profile/${userId}`);
    const unknown = await h.api(`/v2/bot/profile/U${"f".repeat(32)}`);

    expect(known.json).toEqual({ userId, displayName: "สมหญิง", language: "en" });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ message: "Not found" });
  });

  it("serves the bytes of an image the user sent through the data API", async () => {
    const userId = await h.newUser();
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    await h.sim("POST", `/sim/users/${userId}/events`, {
      type: "image",
      contentBase64: bytes.toString("base64"),
      contentType: "image/png",
    });
    const messageId = String(h.received[0]!.body.events[0]!.message?.id);

    const content = await fetch(`${h.line.url}/v2/bot/message/${messageId}/content`, {
      headers: { authorization: "Bearer test-channel-access-token" },
    });
    const missing = await h.api("/v2/bot/message/123/content");

    expect(content.status).toBe(200);
    expect(content.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await content.arrayBuffer())).toEqual(bytes);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ message: "Not found" });
  });

  it("accepts a loading animation of 5 to 60 seconds in steps of 5", async () => {
    const userId = await h.newUser();

    const ok = await h.api("/v2/bot/chat/loading/start", {
      body: { chatId: userId, loadingSeconds: 10 },
    });
    const odd = await h.api("/v2/bot/chat/loading/start", {
      body: { chatId: userId, loadingSeconds: 7 },
    });
    const log = await h.sim("GET", `/sim/users/${userId}/messages`);

    expect(ok.status).toBe(202);
    expect(ok.json).toEqual({});
    expect(odd.status).toBe(400);
    expect(odd.json.details[0].property).toBe("loadingSeconds");
    expect(log.json.loadingUntil).toBeGreaterThan(Date.now());
  });
});
