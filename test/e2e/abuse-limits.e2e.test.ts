import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { ChatUser, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import { runSweep } from "../support/line-log";
import { reportWindowOf, seedReportWindow } from "../support/report-window";

const db = testFirestore();

const postEligibility = () =>
  fetch(`${inject("stack").apiUrl}/eligibility`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ age: 72, nationality: "TH" }),
  });

async function botSaid(user: ChatUser): Promise<string> {
  return (await user.newReplies()).map(visibleText).join("\n");
}

beforeEach(async () => {
  await clearFirestore();
});

afterEach(async () => {
  // The address limit's window must not follow this file into the next one.
  await clearFirestore();
});

describe("per-address limit on /eligibility", () => {
  it("should answer 429 with Retry-After and a JSON reason once an address used its minute, counted in Firestore by a hash of the address", async () => {
    let refused: Response | undefined;
    let allowed = 0;
    for (let i = 0; i < 200 && !refused; i++) {
      const response = await postEligibility();
      if (response.status === 429) refused = response;
      else {
        expect(response.status).toBe(200);
        allowed++;
      }
    }
    expect(refused, "no 429 after 200 requests").toBeDefined();
    expect(allowed).toBeGreaterThanOrEqual(60);
    const retryAfter = Number(refused!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused!.json()).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/Too many requests/),
    });

    const stored = await db.collection("rateLimits").get();
    const windows = stored.docs.filter(doc => doc.id.startsWith("ip_eligibility_"));
    expect(windows.length).toBeGreaterThanOrEqual(1);
    const everything = JSON.stringify(stored.docs.map(doc => [doc.id, doc.data()]));
    expect(everything).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
  });
});

async function reportThroughChat(citizen: ChatUser) {
  await citizen.tap("a=menu.report");
  await citizen.tap("a=category&v=elderly");
  await citizen.say("คุณตาอยู่คนเดียว ขาดอาหารมาหลายวัน");
  await citizen.tap("a=location.unknown");
  await citizen.tap("a=photos.done");
  await citizen.tap("a=phone.none");
  await citizen.tap("a=confirm");
}

describe("hourly limit on ordinary reports in the chat", () => {
  it("should keep the window when a draft is left to lapse, so waiting it out does not reset the count", async () => {
    const citizen = await ChatUser.create();
    const sentAt = [40, 30, 20, 10].map(m => new Date(Date.now() - m * 60_000).toISOString());
    await seedReportWindow(citizen.userId, sentAt);
    await citizen.tap("a=menu.report");
    const session = db.collection("sessions").doc(citizen.userId);
    expect((await session.get()).data()?.flow).toBe("report");
    await session.update({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await runSweep();
    expect((await session.get()).data()?.flow).toBe("idle");
    expect(await reportWindowOf(citizen.userId)).toEqual(sentAt);
  });

  it("should count each ordinary report in the person's window, in the same transaction", async () => {
    const citizen = await ChatUser.create();
    await reportThroughChat(citizen);
    await reportThroughChat(citizen);
    expect(await reportWindowOf(citizen.userId)).toHaveLength(2);
    const reports = await db
      .collection("cases")
      .where("reporter.lineUserId", "==", citizen.userId)
      .get();
    expect(reports.size).toBe(2);
  });

  it("should refuse a sixth ordinary report in an hour politely, pointing to 1300, and still open an urgent one", async () => {
    const citizen = await ChatUser.create();
    await citizen.say("สวัสดี");
    await citizen.newReplies();
    const now = Date.now();
    const sentAt = [50, 40, 30, 20, 10].map(m => new Date(now - m * 60_000).toISOString());
    await seedReportWindow(citizen.userId, sentAt);

    await citizen.tap("a=menu.report");
    const refusal = await botSaid(citizen);
    expect(refusal).toContain("1300");
    expect(refusal).toMatch(/ครบ 5 เรื่อง/);
    const session = (await db.collection("sessions").doc(citizen.userId).get()).data();
    expect(session?.flow ?? "idle").not.toBe("report");

    await citizen.tap("a=urgent");
    await expect
      .poll(async () => {
        const reports = await db
          .collection("cases")
          .where("reporter.lineUserId", "==", citizen.userId)
          .get();
        return reports.docs.map(doc => doc.data().urgent);
      })
      .toEqual([true]);
    // The urgent report is not counted towards the limit.
    expect(await reportWindowOf(citizen.userId)).toEqual(sentAt);
  });
});
