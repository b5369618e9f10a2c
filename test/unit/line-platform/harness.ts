import express from "express";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startLinePlatform } from "../../../dev/src/line-platform";
import type { LinePlatformOptions, RunningLinePlatform } from "../../../dev/src/line-platform";

export const SECRET = "test-channel-secret";
export const TOKEN = "test-channel-access-token";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: WebhookBody;
}

export interface WebhookEvent {
  type: string;
  mode: string;
  timestamp: number;
  source: { type: string; userId: string };
  webhookEventId: string;
  deliveryContext: { isRedelivery: boolean };
  replyToken?: string;
  message?: Record<string, unknown> & { id: string; type: string };
  postback?: { data: string; params?: Record<string, string> };
  follow?: { isUnblocked: boolean };
}

export interface WebhookBody {
  destination: string;
  events: WebhookEvent[];
}

/** The stand-in plus a tiny webhook receiver standing in for the bot. */
export interface Harness {
  line: RunningLinePlatform;
  received: ReceivedWebhook[];
  /** What the receiver answers; a test may swap it to act as a bot. */
  respond: (webhook: ReceivedWebhook) => Promise<number> | number;
  api(path: string, init?: ApiInit): Promise<ApiResponse>;
  sim(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  newUser(body?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export interface ApiInit {
  method?: string;
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read whatever shape the endpoint answers.
  json: Record<string, any>;
}

export async function startHarness(options: Partial<LinePlatformOptions> = {}): Promise<Harness> {
  const received: ReceivedWebhook[] = [];
  const receiver = express();
  const harness = {} as Harness;
  harness.received = received;
  harness.respond = () => 200;
  receiver.post("/webhook", express.raw({ type: () => true }), async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
    const webhook: ReceivedWebhook = {
      headers: req.headers,
      rawBody,
      body: JSON.parse(rawBody) as WebhookBody,
    };
    received.push(webhook);
    const status = await harness.respond(webhook);
    res.status(status).send(status === 200 ? "OK" : "bot failed");
  });
  const server: Server = await new Promise(resolve => {
    const s = receiver.listen(0, "127.0.0.1", () => resolve(s));
  });
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  const line = await startLinePlatform({
    channelSecret: SECRET,
    channelAccessToken: TOKEN,
    webhookUrl,
    ...options,
  });

  harness.line = line;
  harness.api = async (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? TOKEN}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(line.url + path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, headers: res.headers, json: await jsonOf(res) };
  };
  harness.sim = async (method, path, body) => {
    const res = await fetch(line.url + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, json: await jsonOf(res) };
  };
  harness.newUser = async (body = {}) => {
    const res = await harness.sim("POST", "/sim/users", body);
    return String(res.json.userId);
  };
  harness.close = async () => {
    await line.close();
    await new Promise<void>(resolve => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };
  return harness;
}

async function jsonOf(res: Response): Promise<Record<string, any>> {
  const text = await res.text();
  try {
    return JSON.parse(text) as Record<string, any>;
  } catch {
    return { text };
  }
}

export function textMessage(text: string): { type: "text"; text: string } {
  return { type: "text", text };
}
