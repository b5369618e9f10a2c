import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  IdTokenCheckUnavailable,
  InvalidIdToken,
  lineIdTokenVerifier,
  REFUSED_TOKEN_TTL_MS,
} from "../../../functions/src/auth/id-token-verifier";

const CHANNEL_ID = "1650000000";

/** A stand-in for LINE's verify endpoint that counts calls and answers as told. */
let server: Server;
let baseUrl: string;
let calls: string[];
let answer: (token: string) => { status: number; body: unknown; delayMs?: number };

beforeEach(async () => {
  calls = [];
  answer = () => ({ status: 400, body: { error: "invalid_request" } });
  server = createServer((req, res) => {
    let body = "";
    req.on("data", chunk => (body += chunk));
    req.on("end", () => {
      const token = new URLSearchParams(body).get("id_token") ?? "";
      calls.push(token);
      const { status, body: json, delayMs = 0 } = answer(token);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      }, delayMs);
    });
  });
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

describe("verifying LIFF ID tokens with LINE", () => {
  it("refuses a token LINE refused without asking LINE again for a minute", async () => {
    let now = 1_000_000;
    const verify = lineIdTokenVerifier({
      apiBaseUrl: baseUrl,
      channelId: CHANNEL_ID,
      now: () => now,
    });
    for (let i = 0; i < 20; i++) {
      await expect(verify("junk")).rejects.toBeInstanceOf(InvalidIdToken);
    }
    expect(calls).toEqual(["junk"]);

    now += REFUSED_TOKEN_TTL_MS + 1;
    await expect(verify("junk")).rejects.toBeInstanceOf(InvalidIdToken);
    expect(calls).toEqual(["junk", "junk"]);
  });

  it("remembers only a bounded number of refused tokens", async () => {
    const verify = lineIdTokenVerifier({
      apiBaseUrl: baseUrl,
      channelId: CHANNEL_ID,
      refusedLimit: 50,
    });
    for (let i = 0; i < 60; i++) {
      await expect(verify(`junk-${i}`)).rejects.toBeInstanceOf(InvalidIdToken);
    }
    // The first ones were forgotten to make room; the latest are still refused at once.
    await expect(verify("junk-0")).rejects.toBeInstanceOf(InvalidIdToken);
    await expect(verify("junk-59")).rejects.toBeInstanceOf(InvalidIdToken);
    expect(calls.filter(token => token === "junk-0")).toHaveLength(2);
    expect(calls.filter(token => token === "junk-59")).toHaveLength(1);
  });

  it("gives up on a LINE that does not answer in time, as unavailable rather than invalid", async () => {
    answer = () => ({ status: 200, body: {}, delayMs: 2_000 });
    const verify = lineIdTokenVerifier({
      apiBaseUrl: baseUrl,
      channelId: CHANNEL_ID,
      timeoutMs: 200,
    });
    const started = Date.now();
    await expect(verify("slow")).rejects.toBeInstanceOf(IdTokenCheckUnavailable);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("does not remember a token as refused when LINE failed (5xx)", async () => {
    answer = () => ({ status: 500, body: {} });
    const verify = lineIdTokenVerifier({ apiBaseUrl: baseUrl, channelId: CHANNEL_ID });
    await expect(verify("maybe-good")).rejects.toBeInstanceOf(IdTokenCheckUnavailable);
    answer = () => ({
      status: 200,
      body: { sub: "U1", aud: CHANNEL_ID, name: "สมศรี", iat: 100, exp: 4_000_000_000 },
    });
    await expect(verify("maybe-good")).resolves.toEqual({
      userId: "U1",
      name: "สมศรี",
      issuedAt: 100,
    });
  });

  it("refuses a token for another channel and remembers that it did", async () => {
    answer = () => ({ status: 200, body: { sub: "U1", aud: "other", exp: 4_000_000_000 } });
    const verify = lineIdTokenVerifier({ apiBaseUrl: baseUrl, channelId: CHANNEL_ID });
    await expect(verify("other-channel")).rejects.toBeInstanceOf(InvalidIdToken);
    await expect(verify("other-channel")).rejects.toBeInstanceOf(InvalidIdToken);
    expect(calls).toHaveLength(1);
  });
});
