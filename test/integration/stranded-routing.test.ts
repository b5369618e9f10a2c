import { deleteApp, initializeApp, type App } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LOCAL_CHANNEL_ACCESS_TOKEN } from "@sa/dev";
import type { Case } from "@sa/core";
import { routeNewCase } from "../../functions/src/cases/route-new-case";
import {
  FAILURES_BEFORE_ALERT,
  ROUTING_GRACE_MS,
  routeStranded,
} from "../../functions/src/cases/route-stranded";
import { staticChannelToken } from "../../functions/src/line/channel-token";
import { createLinePlatform } from "../../functions/src/line/line-platform";
import { deliver } from "../../functions/src/outbox/deliver";
import { CHIANG_MAI_SI_PHUM, lineUser } from "../support/accounts";
import { received } from "../support/line-log";

/**
 * The routing trigger failing is simulated truthfully: these reports are written to a project
 * of their own on the same Firestore emulator, where no function is deployed, so no trigger
 * ever routes them — exactly what a trigger that failed (and was never retried) leaves behind.
 * Only the sweep's own code runs, in this process, against the real emulator and stand-in.
 */
let app: App;
let db: Firestore;
const logs: { message: string; fields?: Record<string, unknown> }[] = [];
const log = (message: string, fields?: Record<string, unknown>) => logs.push({ message, fields });
const options = (now: Date) => ({ now, liffBaseUrl: "https://liff.line.me/test" });

beforeAll(() => {
  process.env.FIRESTORE_EMULATOR_HOST = inject("stack").firestoreHost;
  app = initializeApp({ projectId: `demo-sa-stranded-${process.pid}` }, "stranded");
  db = getFirestore(app);
});

afterAll(async () => {
  await deleteApp(app);
});

let seq = 0;
async function unroutedCase(createdAt: Date, overrides: Partial<Case> = {}): Promise<string> {
  const ticket = `691201-S${String(++seq).padStart(4, "0")}`;
  const report: Case = {
    ticket,
    category: "elderly",
    urgent: false,
    description: "ผู้สูงอายุอยู่คนเดียว",
    location: { area: CHIANG_MAI_SI_PHUM },
    photos: [],
    reporter: { lineUserId: "Ucitizen", phone: null, language: "th" },
    consent: { version: "test", givenAt: createdAt.toISOString(), sharePhone: false },
    lawfulBasis: "consent",
    status: "new",
    routedAt: null,
    createdAt: createdAt.toISOString(),
    updatedAt: createdAt.toISOString(),
    ...overrides,
  };
  await db.collection("cases").doc(ticket).set(report);
  return ticket;
}

/** Pushes every queued item about the ticket to the LINE stand-in, as the outbox trigger would. */
async function deliverAll(ticket: string) {
  const line = createLinePlatform({
    tokens: staticChannelToken(LOCAL_CHANNEL_ACCESS_TOKEN),
    apiBaseUrl: inject("stack").lineUrl,
    dataApiBaseUrl: inject("stack").lineUrl,
  });
  const items = await db.collection("outbox").where("ticket", "==", ticket).get();
  for (const item of items.docs) {
    await deliver(
      {
        db,
        push: line.push,
        now: () => new Date(),
        log,
        alert: (name, message, fields) => log(message, { alert: name, ...fields }),
        urgent: { enabled: false, send: async () => ({ kind: "off" }) },
        phoneOf: async () => null,
      },
      item.id,
    );
  }
}

describe("no report is stranded on its way to staff", () => {
  it("should route a report the trigger never routed, once it is a couple of minutes old, and reach staff", async () => {
    const staff = await lineUser("เจ้าหน้าที่ เชียงใหม่");
    await db
      .collection("routing")
      .doc("50")
      .set({ staff: [{ userId: staff.userId }] });
    const now = new Date();
    const fresh = await unroutedCase(new Date(now.getTime() - 10_000));
    const old = await unroutedCase(new Date(now.getTime() - ROUTING_GRACE_MS - 1000));

    const result = await routeStranded({ db, log }, options(now));
    expect(result.routed).toBeGreaterThanOrEqual(1);
    const stored = (await db.collection("cases").doc(old).get()).data()!;
    expect(stored.routedAt).toBe(now.toISOString());
    expect(stored.routing.recipients).toEqual([staff.userId]);
    // The trigger may still be on its way for a fresh one: it is left alone.
    expect((await db.collection("cases").doc(fresh).get()).data()!.routedAt).toBeNull();

    await deliverAll(old);
    const pushes = (await received(staff.userId)).filter(m => JSON.stringify(m).includes(old));
    expect(pushes).toHaveLength(1);
    // A second sweep finds nothing more to do for it.
    await routeStranded({ db, log }, options(now));
    expect((await db.collection("outbox").where("ticket", "==", old).get()).size).toBe(1);
  });

  it("should recover when routing throws once, and alert the national centre after repeated failures", async () => {
    const staff = await lineUser("เจ้าหน้าที่ เชียงใหม่");
    const centre = await lineUser("เวร 1300");
    await db
      .collection("routing")
      .doc("50")
      .set({ staff: [{ userId: staff.userId }] });
    await db
      .collection("routing")
      .doc("national")
      .set({ staff: [{ userId: centre.userId }] });
    const now = new Date();
    const once = await unroutedCase(new Date(now.getTime() - ROUTING_GRACE_MS - 1000));

    let calls = 0;
    const flaky: typeof routeNewCase = async (...args) => {
      if (args[1] === once && calls++ === 0) throw new Error("DEADLINE_EXCEEDED (simulated)");
      return routeNewCase(...args);
    };
    await routeStranded({ db, log, route: flaky }, options(now));
    expect((await db.collection("cases").doc(once).get()).data()!.routedAt).toBeNull();
    await routeStranded({ db, log, route: flaky }, options(now));
    expect((await db.collection("cases").doc(once).get()).data()!.routing.recipients).toEqual([
      staff.userId,
    ]);

    // A report that never routes: after a few sweeps the centre is told its ticket, once.
    const broken = await unroutedCase(new Date(now.getTime() - ROUTING_GRACE_MS - 1000));
    const failing: typeof routeNewCase = async (...args) => {
      if (args[1] === broken) throw new Error("always fails (simulated)");
      return routeNewCase(...args);
    };
    for (let i = 0; i < FAILURES_BEFORE_ALERT + 2; i++) {
      await routeStranded({ db, log, route: failing }, options(now));
    }
    await deliverAll(broken);
    const alerts = (await received(centre.userId)).filter(m => JSON.stringify(m).includes(broken));
    expect(alerts).toHaveLength(1);
    expect(logs.some(l => l.fields?.alert === "report_unroutable")).toBe(true);
  });

  it("should raise a structured error each time a report that does not parse cannot be routed", async () => {
    const now = new Date();
    const unreadable = await unroutedCase(new Date(now.getTime() - ROUTING_GRACE_MS - 1000), {
      category: "no-such-category" as never,
    });
    const raised: { name: string; fields: Record<string, unknown> }[] = [];
    const alert = (name: string, _message: string, fields: Record<string, unknown>) =>
      raised.push({ name, fields });

    expect(await routeNewCase(db, unreadable, { ...options(now), alert })).toEqual([]);
    expect(raised).toEqual([
      { name: "report_unreadable", fields: { ticket: unreadable, fields: ["category"] } },
    ]);
    // The sweep's retry is as visible: one more alert per try, and it counts the failure.
    await routeStranded({ db, log }, { ...options(now), alert });
    expect(raised.filter(a => a.fields.ticket === unreadable)).toHaveLength(2);
    expect(logs.some(l => l.message === "routing failed" && l.fields?.ticket === unreadable)).toBe(
      true,
    );
  });
});
