import { beforeEach, describe, expect, it } from "vitest";
import { callApi, grantRole, lineUser, seedCase, CHIANG_MAI_SI_PHUM } from "../support/accounts";
import { ChatUser, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import { eventually, injectFaults, received, runSweep } from "../support/line-log";

const db = testFirestore();

async function setRouting(id: string, entry: Record<string, unknown>) {
  await db.collection("routing").doc(id).set(entry);
}

/** A citizen files an elderly-care report in Chiang Mai through the chat. */
async function reportThroughChat(citizen: ChatUser, options: { place?: string } = {}) {
  await citizen.tap("a=menu.report");
  await citizen.tap("a=category&v=elderly");
  await citizen.say("คุณตาอยู่คนเดียว ขาดอาหารมาหลายวัน");
  if (options.place === undefined) await citizen.say("ต.ศรีภูมิ อ.เมืองเชียงใหม่ จ.เชียงใหม่");
  else await citizen.tap("a=location.unknown");
  await citizen.tap("a=photos.done");
  await citizen.tap("a=phone.none");
  await citizen.tap("a=confirm");
  const confirmation = (await citizen.newReplies()).map(visibleText).join("\n");
  return /(?:เลขที่เรื่อง|Ticket): (\S+)/.exec(confirmation)![1]!;
}

async function staffMember(name: string, area = CHIANG_MAI_SI_PHUM) {
  const user = await lineUser(name);
  await grantRole(user.userId, "staff", area, name);
  return user;
}

async function tapAs(userId: string, data: string) {
  const { lineUrl } = await import("vitest").then(v => v.inject("stack"));
  const response = await fetch(`${lineUrl}/sim/users/${userId}/events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "postback", data }),
  });
  return response.json();
}

beforeEach(async () => {
  await clearFirestore();
  await fetch(`${(await import("vitest")).inject("stack").lineUrl}/__control/faults`, {
    method: "DELETE",
  });
});

describe("staff hear of new reports and act on them from LINE", () => {
  it("should push a new report to the province staff of its category only, without the description", async () => {
    const elderly = await staffMember("เจ้าหน้าที่ ผู้สูงอายุ");
    const children = await staffMember("เจ้าหน้าที่ เด็ก");
    const centre = await staffMember("ศูนย์ 1300", null as never);
    await setRouting("50", {
      staff: [
        { userId: elderly.userId, categories: ["elderly"] },
        { userId: children.userId, categories: ["children_youth"] },
      ],
    });
    await setRouting("national", { staff: [{ userId: centre.userId }] });

    const ticket = await reportThroughChat(await ChatUser.create());
    const push = await eventually(async () => (await received(elderly.userId))[0]);
    const text = visibleText(push.message);
    expect(text).toContain(ticket);
    expect(text).toContain("ผู้สูงอายุ");
    expect(text).toContain("เมืองเชียงใหม่");
    expect(text).not.toContain("ขาดอาหาร");
    expect(push.via).toBe("push");
    expect(await received(children.userId)).toEqual([]);
    expect(await received(centre.userId)).toEqual([]);

    const noPlace = await reportThroughChat(await ChatUser.create(), { place: "unknown" });
    await eventually(async () =>
      (await received(centre.userId)).find(m => visibleText(m.message).includes(noPlace)),
    );
  });

  it("should let the first staff member to tap รับเรื่อง own the case and tell the others and the citizen", async () => {
    const first = await staffMember("สมชาย");
    const second = await staffMember("สมหญิง");
    await setRouting("50", { staff: [{ userId: first.userId }, { userId: second.userId }] });
    const citizen = await ChatUser.create();
    const ticket = await reportThroughChat(citizen);
    await eventually(async () => (await received(second.userId)).length > 0);

    // Both tap at the same moment.
    await Promise.all([
      tapAs(first.userId, `a=case.ack&v=${ticket}`),
      tapAs(second.userId, `a=case.ack&v=${ticket}`),
    ]);
    const report = (await db.collection("cases").doc(ticket).get()).data()!;
    expect(report.status).toBe("acknowledged");
    const owner = report.acknowledgedBy.name as string;
    expect(["สมชาย", "สมหญิง"]).toContain(owner);
    const loser = owner === "สมชาย" ? second : first;
    const loserMessages = (await received(loser.userId))
      .map(m => visibleText(m.message))
      .join("\n");
    expect(loserMessages).toMatch(new RegExp(`${ticket}.*${owner}`));

    await eventually(async () =>
      (await citizen.log()).find(
        m => m.via === "push" && visibleText(m.message).includes("เจ้าหน้าที่รับเรื่องของท่านแล้ว"),
      ),
    );
    const timeline = await db.collection("cases").doc(ticket).collection("timeline").get();
    expect(timeline.docs.filter(d => d.data().type === "acknowledged")).toHaveLength(1);
  });

  it("should tell staff in their own language with an open button, and the citizen when a new case is closed", async () => {
    const taker = await staffMember("สมชาย");
    const other = await staffMember("Sam");
    await db.collection("users").doc(other.userId).update({ language: "en" });
    await setRouting("50", { staff: [{ userId: taker.userId }, { userId: other.userId }] });
    const citizen = await ChatUser.create();
    const ticket = await reportThroughChat(citizen);
    const alert = await eventually(async () => (await received(other.userId))[0]);
    expect(visibleText(alert.message)).toContain("New report");

    await tapAs(taker.userId, `a=case.ack&v=${ticket}`);
    const taken = await eventually(async () =>
      (await received(other.userId)).find(m => visibleText(m.message).includes("taken by")),
    );
    expect(visibleText(taken.message)).toContain(`${ticket} has been taken by สมชาย`);
    expect(JSON.stringify(taken.message)).toContain(`/cases/${ticket}`);
    expect(visibleText(taken.message)).toContain("Open");

    // Closed straight from new: the citizen hears it, with nothing of the report in it.
    const closedTicket = await reportThroughChat(citizen);
    const closed = await callApi(`/cases/${closedTicket}/staff-status`, {
      idToken: taker.idToken,
      body: { clientId: "close-from-new-1", status: "closed" },
    });
    expect(closed.status).toBe(201);
    const notice = await eventually(async () =>
      (await citizen.log()).find(
        m => m.via === "push" && visibleText(m.message).includes(`${closedTicket}: ปิดเรื่องแล้ว`),
      ),
    );
    expect(visibleText(notice.message)).not.toContain("ขาดอาหาร");
  });

  it("should deliver each push exactly once when LINE fails with 500 and then recovers", async () => {
    const staff = await staffMember("สมชาย");
    await setRouting("50", { staff: [{ userId: staff.userId }] });
    await injectFaults("/v2/bot/message/push", 500, 2);
    const report = await seedCase({ status: "new" });

    const item = await eventually(async () => {
      const snapshot = await db.collection("outbox").where("ticket", "==", report.ticket).get();
      const data = snapshot.docs[0]?.data();
      return data && data.attempts >= 1 ? snapshot.docs[0]! : undefined;
    });
    expect(item.data().status).toBe("pending");
    for (let i = 0; i < 4; i++) {
      await item.ref.update({ nextAttemptAt: 0 });
      await runSweep();
    }
    const final = (await item.ref.get()).data()!;
    expect(final.status).toBe("sent");
    expect(final.attempts).toBe(3);
    expect(
      (await received(staff.userId)).filter(m => visibleText(m.message).includes(report.ticket)),
    ).toHaveLength(1);
  });

  it("should escalate a report nobody took, once per step, to the province contacts then the national centre", async () => {
    const staff = await staffMember("สมชาย");
    const boss = await staffMember("หัวหน้า");
    const centre = await staffMember("ศูนย์ 1300", null as never);
    await setRouting("50", { staff: [{ userId: staff.userId }], escalation: [boss.userId] });
    await setRouting("national", { staff: [{ userId: centre.userId }] });
    const report = await seedCase({ status: "new" });
    const ref = db.collection("cases").doc(report.ticket);
    const routing = await eventually(async () => (await ref.get()).data()?.routing);
    expect(Date.parse(routing.ackDueAt) - Date.parse(report.createdAt)).toBe(24 * 60 * 60_000);
    expect(routing.nextStepAt).toBe(routing.ackDueAt);

    // Time passes: the deadline is in the past.
    await ref.update({ "routing.nextStepAt": new Date(Date.now() - 1000).toISOString() });
    await runSweep();
    await runSweep();
    const bossAlerts = await eventually(async () => {
      const list = (await received(boss.userId)).filter(m =>
        visibleText(m.message).includes(report.ticket),
      );
      return list.length > 0 ? list : undefined;
    });
    expect(bossAlerts).toHaveLength(1);
    expect(visibleText(bossAlerts[0]!.message)).toContain("ยังไม่มีผู้รับ");
    expect(await received(centre.userId)).toEqual([]);

    await ref.update({ "routing.nextStepAt": new Date(Date.now() - 1000).toISOString() });
    await runSweep();
    await eventually(async () => (await received(centre.userId)).length === 1);
    await runSweep();
    expect((await received(boss.userId)).length).toBe(1);
  });

  it("should tell the citizen in their language as the case moves, and take their confirmation and rating", async () => {
    const staff = await staffMember("สมชาย");
    const volunteer = await lineUser("อพม. สมศรี");
    await grantRole(volunteer.userId, "volunteer", CHIANG_MAI_SI_PHUM, "อพม. สมศรี");
    await setRouting("50", { staff: [{ userId: staff.userId }] });
    const citizen = await ChatUser.create("en");
    const ticket = await reportThroughChat(citizen);

    const assign = await callApi(`/cases/${ticket}/assign`, {
      idToken: staff.idToken,
      body: { clientId: "assign-0001", volunteerUserId: volunteer.userId },
    });
    expect(assign.status).toBe(201);
    await eventually(async () =>
      (await received(volunteer.userId)).find(m => visibleText(m.message).includes(ticket)),
    );
    const resolved = await callApi(`/cases/${ticket}/staff-status`, {
      idToken: staff.idToken,
      body: { clientId: "status-0001", status: "resolved", note: "ส่งถุงยังชีพแล้ว" },
    });
    expect(resolved.status).toBe(201);

    const pushes = await eventually(async () => {
      const list = (await citizen.log())
        .filter(m => m.via === "push")
        .map(m => visibleText(m.message));
      return list.length >= 2 ? list : undefined;
    });
    expect(pushes.join("\n")).toContain("a volunteer is now looking after your report");
    expect(pushes.join("\n")).toContain("Is the problem solved?");
    expect(pushes.join("\n")).not.toMatch(/[ก-๙]{3}/);

    await citizen.tap(`a=case.solved&v=${ticket}`);
    expect(visibleText((await citizen.newReplies()).at(-1)!)).toContain("rate the help");
    await citizen.tap(`a=case.rating&v=${ticket}:5`);
    const stored = (await db.collection("cases").doc(ticket).get()).data()!;
    expect(stored.status).toBe("closed");
    expect(stored.feedback).toEqual({ solved: true, rating: 5 });
  });

  it("should refuse staff of another province the case", async () => {
    const bangkok = await staffMember("เจ้าหน้าที่ กทม.", {
      provinceCode: "10",
      province: "กรุงเทพมหานคร",
    });
    const report = await seedCase({ status: "new" });
    const response = await callApi(`/cases/${report.ticket}`, { idToken: bangkok.idToken });
    expect(response.status).toBe(403);
    const assign = await callApi(`/cases/${report.ticket}/assign`, {
      idToken: bangkok.idToken,
      body: { clientId: "assign-0002", volunteerUserId: "Ux" },
    });
    expect(assign.status).toBe(403);
  });
});
