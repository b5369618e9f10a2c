import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createApiApp } from "../../../functions/src/api/api-app";

/**
 * The per-address limit of the public eligibility check keeps its counts in Firestore. When
 * that store fails, the check (which holds no personal data) must still answer citizens; the
 * outage is logged as a structured warning. Real HTTP to the real app; the store's failure is
 * the api's dependencies failing to come up, as when Firestore cannot be reached.
 */
let server: Server | undefined;
afterEach(() => server?.close());

async function startApi(alerts: { name: string; fields: Record<string, unknown> }[]) {
  const app = createApiApp({
    now: () => new Date("2026-11-25T03:00:00Z"),
    deps: () => Promise.reject(new Error("14 UNAVAILABLE: Firestore cannot be reached")),
    alert: (name, _message, fields) => alerts.push({ name, fields }),
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise(ready => server!.once("listening", ready));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("the eligibility check while the rate limiter's store is down", () => {
  it("should still assess, and log a structured warning without personal data", async () => {
    const alerts: { name: string; fields: Record<string, unknown> }[] = [];
    const base = await startApi(alerts);
    const response = await fetch(`${base}/eligibility`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        age: 72,
        nationality: "TH",
        hasStateWelfareCard: false,
        receivesGovernmentPension: false,
        livesInStateCareHome: false,
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { benefit: string; status: string }[] };
    expect(body.results.find(r => r.benefit === "old_age_allowance")?.status).toBe("eligible");
    expect(alerts).toEqual([
      {
        name: "rate_limiter_unavailable",
        fields: { route: "eligibility", error: expect.stringContaining("UNAVAILABLE") },
      },
    ]);
    expect(JSON.stringify(alerts)).not.toContain("127.0.0.1");
  });

  it("should keep every other route closed: no sign-in can be checked, so 5xx, never an answer", async () => {
    const base = await startApi([]);
    const response = await fetch(`${base}/cases`, { headers: { authorization: "Bearer x" } });
    expect(response.status).toBeGreaterThanOrEqual(500);
  });
});
