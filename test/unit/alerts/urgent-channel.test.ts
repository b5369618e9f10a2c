import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { alertEntry } from "../../../functions/src/alerts/alerts";
import { httpUrgentChannel } from "../../../functions/src/alerts/urgent-channel";
import { urgentText } from "../../../functions/src/outbox/deliver";
import { startSmsProvider, type RunningSmsProvider } from "../../../dev/src/sms-provider";
import { thaiPhoneToE164 } from "@sa/core";

const KEY = "test-urgent-key";
let sms: RunningSmsProvider;

beforeEach(async () => {
  sms = await startSmsProvider({ apiKey: KEY });
});

afterEach(async () => {
  await sms.close();
});

async function sentTo(to: string): Promise<{ text: string; key: string }[]> {
  const res = await fetch(`${sms.url}/__control/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: { text: string; key: string }[] }).messages;
}

describe("the urgent channel (SMS/voice) adapter", () => {
  it("sends a text once per key, however often it is asked", async () => {
    const channel = httpUrgentChannel({ url: sms.sendUrl, apiKey: KEY });

    const first = await channel.send({ to: "+66812345678", text: "เรื่องด่วน", key: "outbox-1" });
    const again = await channel.send({ to: "+66812345678", text: "เรื่องด่วน", key: "outbox-1" });

    expect(first).toEqual({ kind: "sent", providerId: expect.any(String) });
    expect(again).toEqual(first);
    expect(await sentTo("+66812345678")).toEqual([
      expect.objectContaining({ text: "เรื่องด่วน", key: "outbox-1" }),
    ]);
  });

  it("reports a provider failure or a wrong key by status only, and is off without a URL", async () => {
    await fetch(`${sms.url}/__control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: 503 }),
    });
    const channel = httpUrgentChannel({ url: sms.sendUrl, apiKey: KEY });
    const wrongKey = httpUrgentChannel({ url: sms.sendUrl, apiKey: "nope" });
    const off = httpUrgentChannel({ url: "", apiKey: "" });
    const message = { to: "+66812345678", text: "เรื่องด่วน", key: "outbox-2" };

    expect(await channel.send(message)).toEqual({
      kind: "failed",
      error: "provider answered 503",
    });
    expect(await wrongKey.send(message)).toEqual({
      kind: "failed",
      error: "provider answered 401",
    });
    expect(off.enabled).toBe(false);
    expect(await off.send(message)).toEqual({ kind: "off" });
    expect(await sentTo("+66812345678")).toEqual([]);
  });
});

describe("what an urgent alert says outside LINE", () => {
  it("is the push's text or alt text and the link it opens, and phones are sent in E.164", () => {
    const text = urgentText([
      {
        type: "flex",
        altText: "เรื่องด่วนใหม่ 691125-7K3QF",
        contents: {
          type: "bubble",
          footer: {
            type: "box",
            layout: "vertical",
            contents: [
              {
                type: "button",
                action: { type: "uri", label: "เปิด", uri: "https://liff.line.me/x/cases/1" },
              },
            ],
          },
        },
      },
    ]);
    expect(text).toBe("เรื่องด่วนใหม่ 691125-7K3QF\nhttps://liff.line.me/x/cases/1");
    expect(thaiPhoneToE164("081-234-5678")).toBe("+66812345678");
    expect(thaiPhoneToE164("12345")).toBeUndefined();
  });

  it("is raised as a structured log with a severity and a stable alert name", () => {
    expect(alertEntry("line_quota_exhausted", "quota", { outboxId: "o1" })).toEqual({
      severity: "ERROR",
      message: "quota",
      alert: "line_quota_exhausted",
      outboxId: "o1",
    });
    expect(alertEntry("urgent_fallback_sent", "sent", {}).severity).toBe("WARNING");
  });
});
