import express from "express";
import type { NextFunction, Request, Response } from "express";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the SMS/voice provider that urgent alerts fall back to (not LINE, and not
 * any real provider: the ministry has not contracted one yet). It speaks the small JSON API
 * the functions' adapter sends (functions/src/alerts/urgent-channel.ts):
 *
 *     POST /v1/messages   Authorization: Bearer <apiKey>, Idempotency-Key: <key>
 *                         {"to": "+66812345678", "text": "...", "idempotencyKey": "<key>"}
 *     → 201 {"id": "...", "status": "queued"}; the same key again → 200 with the same id
 *
 * and, for tests and people (not part of the provider's API):
 *
 *     GET    /__control/messages?to=+668...   what was sent (each key once)
 *     DELETE /__control/messages
 *     POST   /__control/faults {"status": 503, "count": 1}   fail the next sends
 *     DELETE /__control/faults
 */
export interface SmsProviderOptions {
  apiKey: string;
}

export interface SmsRecord {
  id: string;
  to: string;
  text: string;
  key: string;
  receivedAt: string;
}

export interface RunningSmsProvider {
  url: string;
  /** Where the functions send: URGENT_CHANNEL_URL. */
  sendUrl: string;
  port: number;
  close(): Promise<void>;
}

const E164 = /^\+[1-9]\d{6,14}$/;

export function createSmsProviderApp(options: SmsProviderOptions): express.Express {
  const sent: SmsRecord[] = [];
  const byKey = new Map<string, SmsRecord>();
  let faults: { status: number; remaining: number }[] = [];

  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "64kb" }));

  const requireKey = (req: Request, res: Response, next: NextFunction) => {
    if (req.get("authorization") !== `Bearer ${options.apiKey}`) {
      res.status(401).json({ error: "unauthorized", message: "Invalid API key" });
      return;
    }
    next();
  };

  app.post("/v1/messages", requireKey, (req, res) => {
    const fault = faults.find(f => f.remaining > 0);
    if (fault) {
      fault.remaining -= 1;
      faults = faults.filter(f => f.remaining > 0);
      res.status(fault.status).json({ error: "injected", message: "Injected failure" });
      return;
    }
    const body = (typeof req.body === "object" && req.body) || {};
    const key = req.get("idempotency-key");
    if (!key) {
      res.status(400).json({ error: "invalid_request", message: "Idempotency-Key is required" });
      return;
    }
    if (typeof body.to !== "string" || !E164.test(body.to)) {
      res.status(400).json({ error: "invalid_request", message: "to must be an E.164 number" });
      return;
    }
    if (typeof body.text !== "string" || body.text === "") {
      res.status(400).json({ error: "invalid_request", message: "text is required" });
      return;
    }
    const known = byKey.get(key);
    if (known) {
      res.status(200).json({ id: known.id, status: "queued", duplicate: true });
      return;
    }
    const record: SmsRecord = {
      id: randomUUID(),
      to: body.to,
      text: body.text,
      key,
      receivedAt: new Date().toISOString(),
    };
    sent.push(record);
    byKey.set(key, record);
    res.status(201).json({ id: record.id, status: "queued" });
  });

  app.get("/__control/messages", (req, res) => {
    const to = typeof req.query.to === "string" ? req.query.to : undefined;
    res.json({ messages: to ? sent.filter(m => m.to === to) : sent });
  });

  app.delete("/__control/messages", (_req, res) => {
    sent.length = 0;
    byKey.clear();
    res.json({ messages: [] });
  });

  app.post("/__control/faults", (req, res) => {
    const body = (typeof req.body === "object" && req.body) || {};
    if (typeof body.status !== "number" || body.status < 400 || body.status > 599) {
      res.status(400).json({ error: "status must be 400-599" });
      return;
    }
    const count = typeof body.count === "number" && body.count > 0 ? Math.floor(body.count) : 1;
    faults.push({ status: body.status, remaining: count });
    res.status(201).json({ faults });
  });

  app.delete("/__control/faults", (_req, res) => {
    faults = [];
    res.json({ faults });
  });

  app.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  return app;
}

/** Starts the stand-in on host:port (0 picks a free port). */
export async function startSmsProvider(
  options: SmsProviderOptions,
  port = 0,
  host = "127.0.0.1",
): Promise<RunningSmsProvider> {
  const server = createSmsProviderApp(options).listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sendUrl: `${url}/v1/messages`,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
