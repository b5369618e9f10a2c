import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { Firestore } from "firebase-admin/firestore";
import { afterEach, describe, expect, it } from "vitest";
import { createApiApp, type ApiAppOptions } from "../../../functions/src/api/api-app";

/**
 * GET /health when Firestore cannot be reached: 503 and a structured alert, never a hang or a
 * 500. Real HTTP to the real app; Firestore is a real client whose server is not there (a
 * port nothing listens on), or the api's dependencies failing to come up.
 */
let server: Server | undefined;
afterEach(() => server?.close());

type Alerts = { name: string; fields: Record<string, unknown> }[];

async function startApi(db: () => Promise<{ db: Firestore }>, alerts: Alerts) {
  const app = createApiApp({
    now: () => new Date("2026-11-25T03:00:00Z"),
    deps: db as ApiAppOptions["deps"],
    alert: (name, _message, fields) => alerts.push({ name, fields }),
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise(ready => server!.once("listening", ready));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const UNREACHABLE = {
  ok: false,
  firestore: "unreachable",
  outboxBacklog: null,
  oldestPendingAgeSeconds: null,
};

describe("the health check while Firestore is down", () => {
  it("should answer 503 when the api's Firestore cannot be set up", async () => {
    const alerts: Alerts = [];
    const base = await startApi(() => Promise.reject(new Error("14 UNAVAILABLE")), alerts);
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(UNREACHABLE);
    expect(alerts.map(a => a.name)).toEqual(["health_firestore_unreachable"]);
  });

  it("should answer 503 when Firestore's server does not answer", async () => {
    const nobody = new Firestore({ projectId: "demo-health", host: "127.0.0.1:9", ssl: false });
    const base = await startApi(() => Promise.resolve({ db: nobody }), []);
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(UNREACHABLE);
    // Not terminated: the client is still retrying the query the route gave up on, and
    // terminating it then rejects inside the SDK where nothing can catch it.
  });
});
