import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { staticChannelToken } from "../../../functions/src/line/channel-token";
import {
  createLinePlatform,
  parseRetryAfter,
  PUSH_TIMEOUT_MS,
  type LinePlatform,
} from "../../../functions/src/line/line-platform";
import { LEASE_MS } from "../../../functions/src/outbox/deliver";
import { startHarness, textMessage, TOKEN } from "../line-platform/harness";
import type { Harness } from "../line-platform/harness";

const NOW = Date.parse("2026-11-25T03:00:00Z");

let h: Harness;
let line: LinePlatform;
let userId: string;

function platform(options: { pushTimeoutMs?: number } = {}): LinePlatform {
  return createLinePlatform({
    tokens: staticChannelToken(TOKEN),
    apiBaseUrl: h.line.url,
    dataApiBaseUrl: h.line.url,
    now: () => NOW,
    ...options,
  });
}

async function fault(body: Record<string, unknown>) {
  const res = await h.sim("POST", "/__control/faults", { path: "/v2/bot/message/push", ...body });
  expect(res.status).toBe(201);
}

async function pushesTo(user: string): Promise<unknown[]> {
  const log = await h.sim("GET", `/sim/users/${user}/messages`);
  return (log.json.messages as { from: string }[]).filter(m => m.from === "bot");
}

beforeEach(async () => {
  h = await startHarness();
  line = platform();
  userId = await h.newUser();
});

afterEach(async () => {
  await h.close();
});

describe("what a push's failure means for the outbox", () => {
  it("tells LINE's monthly quota from its rate limit by the 429's body", async () => {
    await fault({ status: 429, limit: "monthly" });
    await fault({ status: 429, limit: "rate" });

    const quota = await line.push(userId, [textMessage("x")], randomUUID());
    const rate = await line.push(userId, [textMessage("x")], randomUUID());

    expect(quota).toEqual({ kind: "quota", error: "429 You have reached your monthly limit." });
    expect(rate).toEqual({
      kind: "retry",
      cause: "rate_limit",
      error: "429 The API rate limit has been exceeded. Try again later.",
    });
  });

  it("reads Retry-After in seconds and as an HTTP date when LINE sends one", async () => {
    await fault({ status: 429, limit: "rate", retryAfter: "120" });
    await fault({ status: 503, retryAfter: new Date(NOW + 90_000).toUTCString() });

    const rate = await line.push(userId, [textMessage("x")], randomUUID());
    const unavailable = await line.push(userId, [textMessage("x")], randomUUID());

    expect(rate).toMatchObject({ kind: "retry", cause: "rate_limit", retryAfterMs: 120_000 });
    expect(unavailable).toMatchObject({ kind: "retry", cause: "server", retryAfterMs: 90_000 });
  });

  it("makes 401 and 403 a retry and only other 4xx a rejection", async () => {
    await fault({ status: 403 });
    const forbidden = await line.push(userId, [textMessage("x")], randomUUID());
    const unknownUser = await line.push(`U${"0".repeat(32)}`, [textMessage("x")], randomUUID());

    expect(forbidden).toMatchObject({ kind: "retry", cause: "auth" });
    expect(unknownUser).toEqual({ kind: "rejected", error: "400 Failed to send messages" });
  });

  it("gives up on a slow push before the claim lease ends, and its retry with the same key is not sent twice", async () => {
    expect(PUSH_TIMEOUT_MS).toBeLessThan(LEASE_MS / 2);
    // LINE takes the push at once but answers only after a minute.
    await fault({ status: 200, delayMs: 60_000 });
    const impatient = platform({ pushTimeoutMs: 100 });
    const key = randomUUID();

    const first = await impatient.push(userId, [textMessage("ด่วน")], key);
    const again = await impatient.push(userId, [textMessage("ด่วน")], key);

    expect(first).toMatchObject({ kind: "retry", cause: "timeout" });
    expect(again).toEqual({ kind: "already_sent" });
    expect(await pushesTo(userId)).toHaveLength(1);
  });
});

describe("parseRetryAfter", () => {
  it("takes delay-seconds or an HTTP date, and ignores anything else", () => {
    expect(parseRetryAfter("30", NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});
