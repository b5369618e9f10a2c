import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  channelTokenProvider,
  statelessChannelToken,
} from "../../../functions/src/line/channel-token";
import { createLinePlatform } from "../../../functions/src/line/line-platform";
import { SECRET, startHarness, textMessage, TOKEN } from "../line-platform/harness";
import type { Harness } from "../line-platform/harness";

/** The stand-in's Messaging API channel id (its default). */
const CHANNEL_ID = "2000000001";

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.close();
});

async function issuedSoFar(): Promise<number> {
  return (await h.sim("GET", "/__control/tokens")).json.issued as number;
}

async function pushesTo(userId: string): Promise<unknown[]> {
  const log = await h.sim("GET", `/sim/users/${userId}/messages`);
  return (log.json.messages as { from: string; via: string }[]).filter(
    m => m.from === "bot" && m.via === "push",
  );
}

describe("stateless channel access tokens", () => {
  it("are issued from the channel id and secret and reused until a minute before they expire", async () => {
    let now = 1_000_000;
    const tokens = statelessChannelToken({
      apiBaseUrl: h.line.url,
      channelId: CHANNEL_ID,
      channelSecret: SECRET,
      now: () => now,
    });

    const first = await tokens.token();
    expect(await tokens.token()).toBe(first);
    now += (900 - 61) * 1000;
    expect(await tokens.token()).toBe(first);
    expect(await issuedSoFar()).toBe(1);

    now += 2000; // within the last minute of its 15
    const second = await tokens.token();
    expect(second).not.toBe(first);
    expect(await issuedSoFar()).toBe(2);
  });

  it("are asked for once when many calls need one at the same moment", async () => {
    const tokens = statelessChannelToken({
      apiBaseUrl: h.line.url,
      channelId: CHANNEL_ID,
      channelSecret: SECRET,
    });
    const all = await Promise.all(Array.from({ length: 5 }, () => tokens.token()));
    expect(new Set(all).size).toBe(1);
    expect(await issuedSoFar()).toBe(1);
  });

  it("recover a push refused after a rotation with a fresh token, without a restart", async () => {
    const userId = await h.newUser();
    const line = createLinePlatform({
      tokens: statelessChannelToken({
        apiBaseUrl: h.line.url,
        channelId: CHANNEL_ID,
        channelSecret: SECRET,
      }),
      apiBaseUrl: h.line.url,
      dataApiBaseUrl: h.line.url,
    });
    expect(await line.push(userId, [textMessage("ก่อน")], randomUUID())).toEqual({
      kind: "sent",
    });

    const rotated = await h.sim("POST", "/__control/tokens/rotate", { issued: true });
    expect(rotated.json.revoked).toBe(1);

    // The same platform object, as in a running function instance.
    expect(await line.push(userId, [textMessage("หลัง")], randomUUID())).toEqual({
      kind: "sent",
    });
    expect(await line.profileLanguage(userId)).toBe("th");
    expect(await issuedSoFar()).toBe(2);
    expect(await pushesTo(userId)).toHaveLength(2);
  });

  it("recover a reply refused after a rotation, so the user still gets the answer", async () => {
    const userId = await h.newUser();
    const tokens = statelessChannelToken({
      apiBaseUrl: h.line.url,
      channelId: CHANNEL_ID,
      channelSecret: SECRET,
    });
    const line = createLinePlatform({ tokens, apiBaseUrl: h.line.url, dataApiBaseUrl: h.line.url });
    await tokens.token();
    await h.sim("POST", "/__control/tokens/rotate", {});
    const sent = await h.sim("POST", `/sim/users/${userId}/events`, { type: "text", text: "hi" });

    await line.reply(String(sent.json.replyToken), [textMessage("สวัสดี")]);

    const log = await h.sim("GET", `/sim/users/${userId}/messages`);
    expect(log.json.messages.filter((m: { via: string }) => m.via === "reply")).toHaveLength(1);
  });

  it("make a wrong channel secret a push to retry, never a rejected one", async () => {
    const userId = await h.newUser();
    const line = createLinePlatform({
      tokens: statelessChannelToken({
        apiBaseUrl: h.line.url,
        channelId: CHANNEL_ID,
        channelSecret: "not-the-secret",
      }),
      apiBaseUrl: h.line.url,
      dataApiBaseUrl: h.line.url,
    });

    const outcome = await line.push(userId, [textMessage("x")], randomUUID());

    expect(outcome).toMatchObject({ kind: "retry", cause: "auth" });
    expect(outcome.kind === "retry" && outcome.error).toContain("invalid_client");
    expect(await pushesTo(userId)).toHaveLength(0);
  });
});

describe("the long-lived token fallback", () => {
  it("is used as it is when no channel id is configured", async () => {
    const userId = await h.newUser();
    const tokens = channelTokenProvider({
      apiBaseUrl: h.line.url,
      channelId: "",
      channelSecret: SECRET,
      longLivedToken: TOKEN,
    });
    const line = createLinePlatform({ tokens, apiBaseUrl: h.line.url, dataApiBaseUrl: h.line.url });

    expect(await line.push(userId, [textMessage("x")], randomUUID())).toEqual({ kind: "sent" });
    expect(tokens.renewable).toBe(false);
    expect(await issuedSoFar()).toBe(0);
  });

  it("makes a push to retry, not a rejected one, once the token was rotated away", async () => {
    const userId = await h.newUser();
    const line = createLinePlatform({
      tokens: channelTokenProvider({
        apiBaseUrl: h.line.url,
        channelId: "",
        channelSecret: SECRET,
        longLivedToken: TOKEN,
      }),
      apiBaseUrl: h.line.url,
      dataApiBaseUrl: h.line.url,
    });
    await h.sim("POST", "/__control/tokens/rotate", { longLived: "a-new-long-lived-token" });

    const outcome = await line.push(userId, [textMessage("x")], randomUUID());

    expect(outcome).toMatchObject({ kind: "retry", cause: "auth" });
    expect(outcome.kind === "retry" && outcome.error).toContain("401");
  });
});

describe("the stand-in's token endpoint", () => {
  it("answers LINE's error shape to a wrong grant type or client secret", async () => {
    const post = (form: Record<string, string>) =>
      fetch(`${h.line.url}/oauth2/v3/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
      });

    const grant = await post({ grant_type: "password", client_id: CHANNEL_ID });
    const secret = await post({
      grant_type: "client_credentials",
      client_id: CHANNEL_ID,
      client_secret: "wrong",
    });
    const good = await post({
      grant_type: "client_credentials",
      client_id: CHANNEL_ID,
      client_secret: SECRET,
    });

    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });
    expect(secret.status).toBe(400);
    expect(await secret.json()).toMatchObject({ error: "invalid_client" });
    expect(await good.json()).toEqual({
      token_type: "Bearer",
      access_token: expect.any(String),
      expires_in: 900,
    });
  });
});
