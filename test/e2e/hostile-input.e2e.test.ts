import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sessionSchema } from "@sa/bot";
import { caseSchema } from "@sa/core";
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { grantRole, lineUser, seedCase } from "../support/accounts";
import { ChatUser, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";

/**
 * The checked-in hostile corpus (test/fixtures/hostile, made by generate.ts there): every
 * input is answered with a clear 4xx and a JSON reason (API) or a 200 (webhook), never a 5xx,
 * and Firestore is exactly as before whenever the input was refused.
 */
const dir = join(import.meta.dirname, "../fixtures/hostile");
const load = (file: string) => expand(JSON.parse(readFileSync(join(dir, file), "utf8")));

/** "$repeat:<unit>:<count>" → the unit repeated; everything else as it is. */
function expand(value: unknown): any {
  if (typeof value === "string") {
    const match = /^\$repeat:(.+):(\d+)$/su.exec(value);
    return match ? match[1]!.repeat(Number(match[2])) : value;
  }
  if (Array.isArray(value)) return value.map(expand);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
  }
  return value;
}

interface WebhookCase {
  kind: string;
  name: string;
  events?: Record<string, unknown>[];
  body?: unknown;
  raw?: string;
  status: number;
  writes: "none" | "allowed";
  session?: { flow: string; step?: string };
  framework?: true;
}
interface ApiCase {
  kind: string;
  name: string;
  method: string;
  path: string;
  auth: "volunteer" | "staff" | "admin" | "none" | "bad-token";
  body?: unknown;
  raw?: string;
  status: number;
  framework?: true;
}
const webhookCases: WebhookCase[] = load("webhook.json");
const apiCases: ApiCase[] = load("api.json");

const db = testFirestore();

/** Every document of the emulator, subcollections too, as path → data. */
/**
 * Writes that happen whatever the body says, and must: the first request of a staff token is
 * an audited sign-in, and a public route counts each request against its per-address limit.
 * Neither holds anything of the refused input.
 */
function isBookkeeping(path: string): boolean {
  return /^audit\/sign_in_/.test(path) || path.startsWith("rateLimits/");
}

async function snapshot(firestore: Firestore): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  const walk = async (refs: DocumentReference[]) => {
    for (const ref of refs) {
      const doc = await ref.get();
      if (doc.exists) all.set(ref.path, JSON.stringify(doc.data()));
      for (const sub of await ref.listCollections()) await walk(await sub.listDocuments());
    }
  };
  for (const collection of await firestore.listCollections())
    await walk(await collection.listDocuments());
  return all;
}

/**
 * Waits until nothing changes for a moment: a report the conversation created sets off
 * triggers (routing, pushes) that write after the webhook has answered.
 */
async function settled(firestore: Firestore): Promise<Map<string, string>> {
  let last = await snapshot(firestore);
  for (let i = 0; i < 20; i++) {
    await new Promise(resolve => setTimeout(resolve, 1000));
    const next = await snapshot(firestore);
    if (JSON.stringify([...next]) === JSON.stringify([...last])) return next;
    last = next;
  }
  return last;
}

const sign = (body: string) =>
  createHmac("sha256", inject("stack").channelSecret).update(body).digest("base64");

describe("the hostile corpus", () => {
  it("has at least 200 inputs, at least 15 of each kind", () => {
    const counts = new Map<string, number>();
    for (const c of [...webhookCases, ...apiCases])
      counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    expect(webhookCases.length + apiCases.length).toBeGreaterThanOrEqual(200);
    expect(counts.size).toBeGreaterThanOrEqual(9);
    for (const [kind, count] of counts) expect(count, kind).toBeGreaterThanOrEqual(15);
  });
});

describe("hostile webhook bodies and postbacks", () => {
  let userId: string;
  let seq = 0;
  beforeAll(async () => {
    await clearFirestore();
    userId = (await ChatUser.create("th")).userId;
  });

  const defaults = () => ({
    type: "message",
    mode: "active",
    timestamp: Date.now(),
    webhookEventId: `01HOSTILE${String(++seq).padStart(8, "0")}`,
    deliveryContext: { isRedelivery: false },
    source: { type: "user", userId },
    replyToken: `hostile-${seq}`,
    message: { type: "text", id: String(seq), text: "สวัสดี", quoteToken: "q" },
  });
  const eventOf = (partial: Record<string, unknown>) => {
    const event: Record<string, unknown> = { ...defaults(), ...partial };
    for (const [key, value] of Object.entries(event)) if (value === "$delete") delete event[key];
    const source = event.source as { userId?: string } | undefined;
    if (source?.userId === "$USER") source.userId = userId;
    return event;
  };
  const bodyOf = (c: WebhookCase): string =>
    c.raw ??
    JSON.stringify(
      c.body !== undefined ? c.body : { destination: "U0", events: c.events!.map(eventOf) },
    );

  it("answers each as expected, never 5xx, and writes nothing when it refuses", async () => {
    const problems: string[] = [];
    for (const c of webhookCases) {
      // Each case starts from no conversation, so it tests its own input only.
      await db.collection("sessions").doc(userId).delete();
      const before = await snapshot(db);
      const body = bodyOf(c);
      const response = await fetch(inject("stack").webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-line-signature": sign(body) },
        body,
      });
      const answer = await response.text();
      if (response.status !== c.status)
        problems.push(`${c.name}: ${response.status} ${answer.slice(0, 200)}`);
      if (response.status >= 400 && !c.framework && !/"message"/.test(answer))
        problems.push(`${c.name}: no JSON reason`);
      const after = await snapshot(db);
      if (c.writes === "none" && JSON.stringify([...after]) !== JSON.stringify([...before]))
        problems.push(`${c.name}: Firestore changed`);
      // Whatever was written still reads: no session or report that would be lost later.
      for (const [path, data] of after) {
        if (path.startsWith("sessions/") && !sessionSchema.safeParse(JSON.parse(data)).success)
          problems.push(`${c.name}: ${path} does not parse`);
        if (/^reports\/[^/]+$/.test(path) && !caseSchema.safeParse(JSON.parse(data)).success)
          problems.push(`${c.name}: ${path} does not parse`);
      }
      if (c.writes === "allowed") await settled(db);
      if (c.session) {
        const session = (await db.collection("sessions").doc(userId).get()).data();
        if (
          session?.flow !== c.session.flow ||
          (c.session.step && session?.step !== c.session.step)
        )
          problems.push(`${c.name}: session ${session?.flow}/${session?.step}`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it("tells the citizen, politely, when a stored conversation cannot be read", async () => {
    const user = await ChatUser.create("th");
    await db
      .collection("sessions")
      .doc(user.userId)
      .set({ flow: "report", step: "description", draft: { description: 42 }, expiresAt: "x" });
    await user.say("สวัสดี");
    const replies = (await user.newReplies()).map(visibleText).join("\n");
    expect(replies).toContain("ระบบอ่านเรื่องที่คุยค้างไว้ไม่ได้");
    expect(replies).toContain("1300");
  });

  it("keeps the draft and says why when a description is longer than a report holds", async () => {
    const user = await ChatUser.create("en");
    await user.tap("a=menu.report");
    await user.tap("a=category&v=elderly");
    await user.newReplies();
    await user.say("ก".repeat(4000) + "😀".repeat(600));
    expect((await user.newReplies()).map(visibleText).join("\n")).toContain("at most 5000");
    const session = (await db.collection("sessions").doc(user.userId).get()).data();
    expect(session).toMatchObject({
      flow: "report",
      step: "description",
      draft: { category: "elderly" },
    });
  });
});

describe("hostile LIFF API requests", () => {
  const tokens: Record<string, string> = {};
  let ticket: string;
  beforeAll(async () => {
    await clearFirestore();
    for (const role of ["volunteer", "staff", "admin"] as const) {
      const user = await lineUser(`hostile ${role}`);
      await grantRole(user.userId, role);
      tokens[role] = user.idToken;
    }
    const volunteer = (await db.collection("users").where("role", "==", "volunteer").get())
      .docs[0]!;
    ticket = (
      await seedCase({
        assignee: { userId: volunteer.id, name: "อพม. ทดสอบ" },
        status: "assigned",
      })
    ).ticket;
    // The new report's trigger routes it (and queues pushes) after a moment: let it finish.
    for (let i = 0; i < 60; i++) {
      if ((await db.collection("cases").doc(ticket).get()).get("routedAt")) break;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    await settled(db);
  });

  it("answers each with the expected 4xx and a JSON reason, and writes nothing", async () => {
    const problems: string[] = [];
    for (const c of apiCases) {
      const before = await snapshot(db);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (c.auth === "bad-token") headers.authorization = "Bearer ' OR 1=1 --";
      else if (c.auth !== "none") headers.authorization = `Bearer ${tokens[c.auth]}`;
      const body = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
      const response = await fetch(
        `${inject("stack").apiUrl}${c.path.replace("$TICKET", ticket)}`,
        {
          method: c.method,
          headers,
          ...(body !== undefined && { body }),
        },
      );
      const text = await response.text();
      let reason: unknown;
      try {
        reason = JSON.parse(text).message;
      } catch {
        reason = undefined;
      }
      if (response.status !== c.status)
        problems.push(`${c.name}: ${response.status} ${text.slice(0, 300)}`);
      if (typeof reason !== "string" && !c.framework) problems.push(`${c.name}: no JSON reason`);
      const after = await snapshot(db);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
        path => before.get(path) !== after.get(path) && !isBookkeeping(path),
      );
      if (changed.length > 0) problems.push(`${c.name}: wrote ${changed.join(", ")}`);
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
