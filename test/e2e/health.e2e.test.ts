import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { grantRole, lineUser, seedCase } from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";
import { eventually, injectFaults } from "../support/line-log";
import { warmUpFunctions } from "../support/warm-up";

const db = testFirestore();
const TEN_MINUTES_MS = 10 * 60_000;

async function health() {
  const response = await fetch(`${inject("stack").apiUrl}/health`);
  return { status: response.status, text: await response.text() };
}

const clearFaults = () =>
  fetch(`${inject("stack").lineUrl}/__control/faults`, { method: "DELETE" });

beforeAll(warmUpFunctions, 120_000);
beforeEach(async () => {
  await clearFirestore();
  await clearFaults();
});
afterEach(clearFaults);

describe("GET /health, for operators", () => {
  it("should answer 200 without a sign-in, with no backlog when nothing waits", async () => {
    const { status, text } = await health();
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      ok: true,
      firestore: "reachable",
      outboxBacklog: 0,
      oldestPendingAgeSeconds: null,
    });
  });

  it("should count the pushes LINE has not taken and say how long the oldest has waited, naming nobody", async () => {
    // Staff hear of a new Chiang Mai report by a push, which LINE refuses for now.
    const staff = await lineUser("เจ้าหน้าที่ เวรเฝ้าระบบ");
    await grantRole(staff.userId, "staff");
    await db
      .collection("routing")
      .doc("50")
      .set({ staff: [{ userId: staff.userId }] });
    await injectFaults("/v2/bot/message/push", 500, 20);
    const report = await seedCase({ status: "new" });
    const waiting = await eventually(async () => {
      const items = await db.collection("outbox").where("ticket", "==", report.ticket).get();
      const item = items.docs[0];
      return item && item.get("attempts") >= 1 && item.get("status") === "pending"
        ? item
        : undefined;
      // Two cold triggers in a row on a busy machine.
    }, 45_000);
    // As if it had been waiting ten minutes already.
    const queuedAt = new Date(Date.now() - TEN_MINUTES_MS).toISOString();
    await waiting.ref.update({ createdAt: queuedAt });

    const { status, text } = await health();
    expect(status).toBe(200);
    const answer = JSON.parse(text);
    expect(Object.keys(answer).sort()).toEqual([
      "firestore",
      "ok",
      "oldestPendingAgeSeconds",
      "outboxBacklog",
    ]);
    expect(answer).toMatchObject({ ok: true, firestore: "reachable", outboxBacklog: 1 });
    expect(answer.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(TEN_MINUTES_MS / 1000);
    expect(answer.oldestPendingAgeSeconds).toBeLessThan((2 * TEN_MINUTES_MS) / 1000);
    expect(text).not.toContain(staff.userId);
    expect(text).not.toContain(report.ticket);
  }, 60_000);
});
