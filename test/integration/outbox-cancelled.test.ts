import { describe, expect, it } from "vitest";
import type { PushOutcome } from "../../functions/src/line/line-platform";
import { deliver, deliverDue, type DeliveryDeps } from "../../functions/src/outbox/deliver";
import { enqueuePush, outboxRef, type OutboxItem } from "../../functions/src/outbox/outbox";
import { ownProjectFirestore } from "../support/own-project";

/**
 * A citizen's erasure deletes their pending pushes, and may do so while one is being sent.
 * The sender runs here, in this process, against the real Firestore emulator (a project of
 * its own, so no deployed trigger delivers the items first); "LINE" is the test's function,
 * which deletes the item the way the erasure does before it answers.
 */
const firestore = ownProjectFirestore("outbox-cancelled");

async function queued(push: Partial<Pick<OutboxItem, "urgent" | "via">> = {}): Promise<string> {
  const db = firestore();
  return db.runTransaction(async tx =>
    enqueuePush(
      tx,
      db,
      {
        to: "Ucitizen",
        messages: [{ type: "text", text: "x" }],
        reason: "citizen.closed",
        ...push,
      },
      new Date(),
    ),
  );
}

/** Delivery whose every outside call first deletes the item, then answers `outcome`. */
function erasedMidSend(id: () => string, outcome: PushOutcome) {
  const calls = { push: 0, sms: 0 };
  const logs: string[] = [];
  const db = firestore();
  const erase = () => outboxRef(db, id()).delete();
  const deps: DeliveryDeps = {
    db,
    now: () => new Date(),
    log: message => logs.push(message),
    alert: () => {},
    push: async () => {
      calls.push++;
      await erase();
      return outcome;
    },
    urgent: {
      enabled: true,
      send: async () => {
        calls.sms++;
        await erase();
        return { kind: "failed", error: "provider down" };
      },
    },
    phoneOf: async () => "+66812345678",
  };
  return { deps, calls, logs };
}

describe("a push deleted while it is being sent", () => {
  it.each<[string, PushOutcome]>([
    ["LINE took it", { kind: "sent" }],
    ["LINE answered 500", { kind: "retry", cause: "server", error: "500" }],
    ["LINE refused it", { kind: "rejected", error: "400" }],
  ])("should count as cancelled and stay deleted when %s", async (_, outcome) => {
    const id = await queued();
    const { deps, calls, logs } = erasedMidSend(() => id, outcome);

    expect(await deliver(deps, id)).toBe("cancelled");
    expect((await outboxRef(firestore(), id).get()).exists).toBe(false);
    expect(logs).toContain("push cancelled while being sent");
    // The sweep finds nothing to try again.
    expect(await deliver(deps, id)).toBe("skipped");
    await deliverDue(deps);
    expect(calls.push).toBe(1);
    expect((await outboxRef(firestore(), id).get()).exists).toBe(false);
  });

  it("should count an SMS-only item deleted while the provider was called as cancelled", async () => {
    const id = await queued({ urgent: true, via: "second_channel" });
    const { deps, calls } = erasedMidSend(() => id, { kind: "sent" });

    expect(await deliver(deps, id)).toBe("cancelled");
    expect((await outboxRef(firestore(), id).get()).exists).toBe(false);
    await deliverDue(deps);
    expect(calls.sms).toBe(1);
  });
});
