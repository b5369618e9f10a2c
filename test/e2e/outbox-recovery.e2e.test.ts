import { LOCAL_CHANNEL_ACCESS_TOKEN } from "@sa/dev";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { callApi, grantRole, lineUser, seedCase } from "../support/accounts";
import { visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import {
  eventually,
  injectFaults,
  received,
  rotateLineTokens,
  runSweep,
  tokensIssued,
} from "../support/line-log";
import { resetUrgentChannel, urgentMessages } from "../support/urgent-channel";

const db = testFirestore();
const PUSH = "/v2/bot/message/push";

async function staffMember(name: string, phone?: string) {
  const user = await lineUser(name);
  await grantRole(user.userId, "staff", undefined, name);
  if (phone) await db.collection("users").doc(user.userId).update({ phone });
  await db
    .collection("routing")
    .doc("50")
    .set({ staff: [{ userId: user.userId }] });
  return user;
}

/** The outbox item of a case's staff push, once its first attempt has ended. */
async function outboxItemOf(
  ticket: string,
  done: (data: FirebaseFirestore.DocumentData) => boolean,
) {
  return eventually(async () => {
    const snapshot = await db.collection("outbox").where("ticket", "==", ticket).get();
    const doc = snapshot.docs[0];
    return doc && done(doc.data()) ? doc : undefined;
  });
}

async function pushesAbout(userId: string, ticket: string) {
  return (await received(userId)).filter(m => visibleText(m.message).includes(ticket));
}

beforeEach(async () => {
  await clearFirestore();
  await fetch(`${inject("stack").lineUrl}/__control/faults`, { method: "DELETE" });
  await resetUrgentChannel();
});

afterAll(async () => {
  // Other files run against the same stand-in: give it back its long-lived token.
  await rotateLineTokens({ issued: false, longLived: LOCAL_CHANNEL_ACCESS_TOKEN });
});

describe("the outbox has no dead ends", () => {
  it("should deliver a staff push exactly once after LINE's tokens are rotated, with a freshly issued token and no restart", async () => {
    const staff = await staffMember("สมชาย");
    const before = await seedCase({ status: "new" });
    await eventually(async () => (await pushesAbout(staff.userId, before.ticket)).length > 0);
    const issuedBefore = await tokensIssued();
    expect(issuedBefore).toBeGreaterThan(0);

    // Every token there is stops working, the long-lived one included.
    const rotation = await rotateLineTokens({ longLived: "a-rotated-long-lived-token" });
    expect(rotation.revoked).toBeGreaterThan(0);

    const after = await seedCase({ status: "new" });
    const item = await outboxItemOf(after.ticket, data => data.status !== "pending");
    expect(item.data()).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(await tokensIssued()).toBeGreaterThan(issuedBefore);
    await runSweep();
    expect(await pushesAbout(staff.userId, after.ticket)).toHaveLength(1);
    expect(await pushesAbout(staff.userId, before.ticket)).toHaveLength(1);
  });

  it("should send an urgent push that hits LINE's monthly quota once by SMS, and keep LINE for later", async () => {
    const staff = await staffMember("เวรด่วน", "081-234-5601");
    await injectFaults(PUSH, 429, 5, { limit: "monthly" });
    const report = await seedCase({ status: "new", urgent: true });

    const item = await outboxItemOf(report.ticket, data => data.attempts >= 1 && !data.leaseUntil);
    const first = item.data();
    expect(first).toMatchObject({
      status: "pending",
      urgent: true,
      quotaHits: 1,
      lastError: "429 You have reached your monthly limit.",
    });
    expect(first.urgentFallbackSentAt).toEqual(expect.any(String));
    // A long wait, not the 30 s of a passing failure.
    expect(first.nextAttemptAt - Date.parse(first.urgentFallbackSentAt)).toBeGreaterThanOrEqual(
      30 * 60_000,
    );
    const sms = await urgentMessages("+66812345601");
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(report.ticket);
    expect(sms[0]!.text).not.toContain("ผู้สูงอายุอยู่คนเดียว");
    expect(sms[0]!.key).toBe(item.id);

    // The next attempt hits the quota again: no second SMS.
    await item.ref.update({ nextAttemptAt: 0 });
    await runSweep();
    expect((await item.ref.get()).data()).toMatchObject({ status: "pending", quotaHits: 2 });
    expect(await urgentMessages("+66812345601")).toHaveLength(1);
    expect(await received(staff.userId)).toEqual([]);
  });

  it("should list a failed push for admins without its text, and deliver it once when an admin retries it", async () => {
    const staff = await staffMember("สมหญิง");
    const admin = await lineUser("ผู้ดูแลระบบ");
    await grantRole(admin.userId, "admin", null, "ผู้ดูแลระบบ");
    await injectFaults(PUSH, 400, 1);
    const report = await seedCase({ status: "new" });
    const failed = await outboxItemOf(report.ticket, data => data.status === "failed");
    // Pending for long, tried three times: listed too.
    await db
      .collection("outbox")
      .doc("stuck-item")
      .set({
        ...failed.data(),
        status: "pending",
        attempts: 3,
        ticket: "691125-STUCK",
        nextAttemptAt: Date.now() + 3_600_000,
      });

    const list = await callApi("/admin/outbox", { idToken: admin.idToken });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        {
          id: failed.id,
          status: "failed",
          reason: "staff.new_case",
          ticket: report.ticket,
          attempts: 1,
          lastError: "400 The request body has 1 error(s)",
          createdAt: expect.any(String),
          nextAttemptAt: null,
          urgent: false,
          urgentFallbackSentAt: null,
        },
        expect.objectContaining({ id: "stuck-item", status: "pending", attempts: 3 }),
      ]),
    );
    expect(JSON.stringify(list.body)).not.toContain(staff.userId);
    expect(JSON.stringify(list.body)).not.toContain("messages");
    expect((await callApi("/admin/outbox", { idToken: staff.idToken })).status).toBe(403);

    const retry = await callApi(`/admin/outbox/${failed.id}/retry`, {
      idToken: admin.idToken,
      body: {},
    });
    expect(retry.status).toBe(200);
    expect(retry.body.item).toMatchObject({ id: failed.id, status: "pending" });
    const audit = await db.collection("audit").where("target", "==", `outbox/${failed.id}`).get();
    expect(audit.docs.map(d => d.data())).toEqual([
      expect.objectContaining({ actor: admin.userId, role: "admin", action: "retry_push" }),
    ]);

    await runSweep();
    await runSweep();
    expect((await failed.ref.get()).data()).toMatchObject({ status: "sent", attempts: 2 });
    expect(await pushesAbout(staff.userId, report.ticket)).toHaveLength(1);
    const again = await callApi(`/admin/outbox/${failed.id}/retry`, {
      idToken: admin.idToken,
      body: {},
    });
    expect(again.status).toBe(409);
  });
});
