import { beforeEach, describe, expect, inject, it } from "vitest";
import { grantRole, lineUser, CHIANG_MAI_SI_PHUM } from "../support/accounts";
import { ChatUser, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import { eventually, received, runSweep } from "../support/line-log";
import { resetUrgentChannel, urgentMessages } from "../support/urgent-channel";

const db = testFirestore();

async function staffMember(name: string, area: typeof CHIANG_MAI_SI_PHUM | null) {
  const user = await lineUser(name);
  await grantRole(user.userId, "staff", area, name);
  return user;
}

const aroundTheClock = (userId: string, backupUserId: string | null = null) => ({
  shifts: [{ days: [], from: "00:00", to: "00:00", userId, backupUserId }],
});

/** Everything a person received that mentions the ticket. */
async function about(userId: string, ticket: string): Promise<string[]> {
  return (await received(userId)).map(m => visibleText(m.message)).filter(t => t.includes(ticket));
}

async function urgentCaseOf(userId: string) {
  const snapshot = await db.collection("cases").where("reporter.lineUserId", "==", userId).get();
  expect(snapshot.size).toBe(1);
  return snapshot.docs[0]!;
}

/** The 1300 centre as the only staff (so on duty for urgent reports), and a citizen. */
async function centreAndCitizen() {
  const centre = await staffMember("เวร 1300", null);
  await db
    .collection("routing")
    .doc("national")
    .set({ staff: [{ userId: centre.userId }] });
  return { centre, citizen: await ChatUser.create() };
}

/** Moves the case's next escalation step into the past, as time passing would. */
async function timePasses(ticket: string) {
  await db
    .collection("cases")
    .doc(ticket)
    .update({ "routing.nextStepAt": new Date(Date.now() - 1000).toISOString() });
}

beforeEach(async () => {
  await clearFirestore();
  await fetch(`${inject("stack").lineUrl}/__control/faults`, { method: "DELETE" });
  await resetUrgentChannel();
});

describe("someone in danger reaches a person at once", () => {
  it("should open an urgent case on the danger tap alone and push it to the person on duty within seconds", async () => {
    const centre = await staffMember("เวร 1300", null);
    const everyone = await staffMember("เจ้าหน้าที่ศูนย์อีกคน", null);
    await db
      .collection("routing")
      .doc("national")
      .set({
        staff: [{ userId: centre.userId }, { userId: everyone.userId }],
      });
    await db.collection("duty").doc("national").set(aroundTheClock(centre.userId));
    const citizen = await ChatUser.create();

    await citizen.tap("a=menu.report");
    await citizen.tap("a=urgent");
    const reply = (await citizen.newReplies()).map(visibleText).join("\n");
    for (const number of ["191", "1669", "199", "1300", "1323"]) expect(reply).toContain(number);

    // The citizen says nothing more: the case exists and the person on duty has it.
    const doc = await urgentCaseOf(citizen.userId);
    const ticket = doc.id;
    expect(doc.data()).toMatchObject({ urgent: true, status: "new", category: null });
    // How fast is measured by `npm run bench:danger`, not asserted here (shared machines).
    const alert = await eventually(async () => (await about(centre.userId, ticket))[0], 30_000);
    expect(alert).toContain("เรื่องด่วน");
    // On duty means on duty: the rest of the centre is not woken.
    expect(await about(everyone.userId, ticket)).toEqual([]);
  });

  it("should bring in the province's person on duty when the place arrives, tell those alerted, and climb the ladder once per step", async () => {
    const centre = await staffMember("เวร 1300", null);
    const onDuty = await staffMember("เวร พมจ.เชียงใหม่", CHIANG_MAI_SI_PHUM);
    await db.collection("users").doc(onDuty.userId).update({ phone: "0811111111" });
    const backup = await staffMember("ผู้สำรอง พมจ.เชียงใหม่", CHIANG_MAI_SI_PHUM);
    const boss = await staffMember("หัวหน้า พมจ.เชียงใหม่", CHIANG_MAI_SI_PHUM);
    await db
      .collection("routing")
      .doc("national")
      .set({ staff: [{ userId: centre.userId }] });
    await db
      .collection("routing")
      .doc("50")
      .set({ staff: [], escalation: [boss.userId] });
    await db.collection("duty").doc("national").set(aroundTheClock(centre.userId));
    await db.collection("duty").doc("50").set(aroundTheClock(onDuty.userId, backup.userId));
    const citizen = await ChatUser.create();

    await citizen.tap("a=urgent");
    const ticket = (await urgentCaseOf(citizen.userId)).id;
    await eventually(async () => (await about(centre.userId, ticket)).length === 1);

    // A pin with no address: the point alone decides the province.
    await citizen.send({ type: "location", latitude: 18.7883, longitude: 98.9853 });
    const provinceAlert = await eventually(async () => (await about(onDuty.userId, ticket))[0]);
    expect(provinceAlert).toContain("โดยประมาณ");
    const centreHeard = await eventually(async () => {
      const list = await about(centre.userId, ticket);
      return list.length === 2 ? list : undefined;
    });
    expect(centreHeard[1]).toContain("ได้ตำแหน่งแล้ว");
    await citizen.say("พ่อเมาแล้วทุบตีแม่ ตอนนี้ยังอยู่ในบ้าน");
    await eventually(async () =>
      (await about(onDuty.userId, ticket)).find(t => t.includes("มีรายละเอียดเพิ่ม")),
    );

    // Nobody takes it: 5 minutes → the backup, once however often the sweep runs.
    await timePasses(ticket);
    await runSweep();
    await runSweep();
    await eventually(async () => (await about(backup.userId, ticket)).length === 1);
    // …and the person on duty, whose LINE stayed silent, gets a text message once.
    await runSweep();
    const sms = await eventually(async () => {
      const list = await urgentMessages("+66811111111");
      return list.length > 0 ? list : undefined;
    });
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(ticket);
    expect(sms[0]!.text).not.toContain("ทุบตี");
    // 10 minutes → the centre has it, and the citizen hears so.
    await timePasses(ticket);
    await runSweep();
    await eventually(async () =>
      (await citizen.log()).find(
        m => m.via === "push" && visibleText(m.message).includes("ศูนย์ช่วยเหลือสังคม 1300"),
      ),
    );
    // 15 minutes → the province's escalation contacts.
    await timePasses(ticket);
    await runSweep();
    await eventually(async () => (await about(boss.userId, ticket)).length === 1);
    await timePasses(ticket);
    await runSweep();
    await runSweep();

    expect(await about(backup.userId, ticket)).toHaveLength(1);
    expect(await about(boss.userId, ticket)).toHaveLength(1);
    const toCitizen = (await citizen.log()).filter(
      m => m.via === "push" && visibleText(m.message).includes("ศูนย์ช่วยเหลือสังคม 1300"),
    );
    expect(toCitizen).toHaveLength(1);
    const routing = (await db.collection("cases").doc(ticket).get()).data()!.routing;
    expect(routing.nextStepAt).toBeNull();
  });

  it("should open one case and send one alert when danger is tapped twice at once and the event is redelivered", async () => {
    const { centre, citizen } = await centreAndCitizen();

    await Promise.all([citizen.tap("a=urgent"), citizen.tap("a=urgent")]);
    const first = await citizen.send(
      { type: "postback", data: "a=urgent" },
      { webhookEventId: "01JURGENTREDELIVERED00000" },
    );
    await citizen.send(
      { type: "postback", data: "a=urgent" },
      { webhookEventId: first.webhookEventId, isRedelivery: true },
    );
    const ticket = (await urgentCaseOf(citizen.userId)).id;
    await eventually(async () => (await about(centre.userId, ticket)).length === 1);
    await runSweep();
    expect(await about(centre.userId, ticket)).toHaveLength(1);
  });

  it("should keep the case when the citizen cancels, and tell staff whether the danger is over", async () => {
    const { centre, citizen } = await centreAndCitizen();

    await citizen.tap("a=urgent");
    const ticket = (await urgentCaseOf(citizen.userId)).id;
    await eventually(async () => (await about(centre.userId, ticket)).length === 1);
    await citizen.say("ยกเลิก");
    await citizen.tap("a=urgent.safe&v=yes");

    const stored = (await urgentCaseOf(citizen.userId)).data();
    expect(stored.intake).toEqual({ state: "stopped", dangerOver: true });
    await eventually(async () =>
      (await about(centre.userId, ticket)).find(t => t.includes("ปลอดภัยแล้ว")),
    );
  });

  it("should keep a case whose citizen went quiet, marked as not fully told, when the sweep ends the chat", async () => {
    const { centre, citizen } = await centreAndCitizen();

    await citizen.tap("a=urgent");
    await citizen.tap("a=urgent.skip");
    await citizen.say("มีคนถูกขังอยู่ในห้อง");
    const ticket = (await urgentCaseOf(citizen.userId)).id;
    await eventually(async () => (await about(centre.userId, ticket)).length >= 1);
    await db
      .collection("sessions")
      .doc(citizen.userId)
      .update({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await runSweep();

    const stored = (await db.collection("cases").doc(ticket).get()).data()!;
    expect(stored.intake.state).toBe("stopped");
    expect(stored.description).toBe("มีคนถูกขังอยู่ในห้อง");
    await eventually(async () =>
      (await about(centre.userId, ticket)).find(t => t.includes("ยังให้ข้อมูลไม่ครบ")),
    );
    await eventually(async () =>
      (await citizen.log()).find(m => m.via === "push" && visibleText(m.message).includes(ticket)),
    );
  });
});
