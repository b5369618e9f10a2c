import { provinceOfHelpPoint } from "@sa/core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoHelpPoints } from "../../dev/src/demo-help-points";
import { callApi, grantRole, lineUser } from "../support/accounts";
import { ChatUser, quickReplyLabels, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import { warmUpFunctions } from "../support/warm-up";

const db = testFirestore();

/** Chiang Mai's demo directory, as `npm start` seeds it. */
async function seedDemoDirectory(): Promise<void> {
  const batch = db.batch();
  for (const point of demoHelpPoints()) {
    batch.set(db.collection("helpPoints").doc(point.id), {
      ...point,
      provinceCode: provinceOfHelpPoint(point),
    });
  }
  await batch.commit();
}

async function admin() {
  const user = await lineUser("ผู้ดูแลระบบ");
  await grantRole(user.userId, "admin", null);
  return user;
}

const HEADER = "id,kind,name,address,subDistrictCode,latitude,longitude,phone,hours";
const row = (id: string, name: string, phone = "053-112-233") =>
  `${id},one_stop_centre,${name},"ต.ศรีภูมิ, อ.เมืองเชียงใหม่",500101,18.796,98.985,${phone},จันทร์–ศุกร์ 08:30–16:30`;

beforeAll(warmUpFunctions);
beforeEach(async () => {
  await clearFirestore();
});

describe("the help-point directory API", () => {
  it("should let an admin add, list and remove a help point, each change audited", async () => {
    const { userId, idToken } = await admin();
    const saved = await callApi("/admin/help-points/cm-si-phum", {
      idToken,
      method: "PUT",
      body: {
        kind: "one_stop_centre",
        name: "ศูนย์ช่วยเหลือสังคมตำบลศรีภูมิ",
        address: "ต.ศรีภูมิ อ.เมืองเชียงใหม่",
        subDistrictCode: "500101",
        location: { latitude: 18.796, longitude: 98.985 },
        phone: "053 112 233",
        hours: "จันทร์–ศุกร์ 08:30–16:30",
      },
    });
    expect(saved).toMatchObject({ status: 200, body: { helpPoint: { phone: "053112233" } } });
    const listed = await callApi("/admin/help-points?provinceCode=50", { idToken });
    expect(listed.body.helpPoints.map((p: { id: string }) => p.id)).toEqual(["cm-si-phum"]);
    expect((await callApi("/admin/help-points?provinceCode=10", { idToken })).body).toEqual({
      helpPoints: [],
    });

    const removed = await callApi("/admin/help-points/cm-si-phum/remove", { idToken, body: {} });
    expect(removed.status).toBe(200);
    expect((await callApi("/admin/help-points", { idToken })).body.helpPoints).toEqual([]);
    const audit = await db.collection("audit").where("actor", "==", userId).get();
    const changes = audit.docs.map(d => d.data().action).filter(action => action !== "sign_in");
    expect(changes).toEqual(["edit_help_points", "edit_help_points"]);
  });

  it("should refuse a bad help point with the field named, and anyone but an admin", async () => {
    const { idToken } = await admin();
    const bad = await callApi("/admin/help-points/x1", {
      idToken,
      method: "PUT",
      body: { kind: "school", name: "x", extra: 1 },
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["kind", "extra", "phone"]));

    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(staff.userId, "staff");
    expect((await callApi("/admin/help-points", { idToken: staff.idToken })).status).toBe(403);
  });

  it("should import a CSV all or nothing, and update by id on a second upload", async () => {
    const { idToken } = await admin();
    const faulty = [HEADER, row("a", "ศูนย์ A"), row("a", "ศูนย์ A ซ้ำ"), row("b", "B", "99")];
    const refused = await callApi("/admin/help-points/import", {
      idToken,
      body: { csv: faulty.join("\n") },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toEqual([
      { row: 3, column: "id", problem: "duplicate_id" },
      { row: 4, column: "phone", problem: "invalid" },
    ]);
    expect((await db.collection("helpPoints").get()).size).toBe(0);

    const first = await callApi("/admin/help-points/import", {
      idToken,
      body: { csv: [HEADER, row("a", "ศูนย์ A"), row("b", "ศูนย์ B")].join("\n") },
    });
    expect(first.body).toEqual({ rows: 2, created: 2, updated: 0 });
    const second = await callApi("/admin/help-points/import", {
      idToken,
      body: { csv: [HEADER, row("a", "ศูนย์ A ใหม่")].join("\n") },
    });
    expect(second.body).toEqual({ rows: 1, created: 0, updated: 1 });
    const stored = await db.collection("helpPoints").get();
    expect(stored.docs.map(d => d.data().name).sort()).toEqual(["ศูนย์ A ใหม่", "ศูนย์ B"]);
  });
});

describe("ศูนย์ใกล้ฉัน in the chat", () => {
  it("should ask for the location and answer the three nearest centres with distance, call and map", async () => {
    await seedDemoDirectory();
    const citizen = await ChatUser.create("th");
    await citizen.say("ศูนย์ใกล้ฉัน");
    const [ask] = await citizen.newReplies();
    expect(ask!.quickReply.items.map((i: any) => i.action.type)).toContain("location");

    // Tha Phae Gate, in the old city of Chiang Mai.
    await citizen.send({ type: "location", latitude: 18.7877, longitude: 98.9933 });
    const [answer] = await citizen.newReplies();
    expect(answer!.type).toBe("flex");
    const bubbles = answer!.contents.contents as Record<string, any>[];
    expect(bubbles).toHaveLength(3);
    const distances = bubbles.map(b => {
      const [, value, unit] = /ห่างจากคุณ ([\d.]+) (ม|กม)\./.exec(visibleText(b))!;
      return unit === "ม" ? Number(value) / 1000 : Number(value);
    });
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances[2]).toBeLessThan(2);
    for (const b of bubbles) {
      const uris = JSON.stringify(b.footer);
      expect(uris).toContain('"uri":"tel:1300"');
      expect(uris).toMatch(/google\.com\/maps\/search\/\?api=1&query=18\.\d+,98\.\d+/);
      expect(visibleText(b)).toContain("ข้อมูลสาธิต");
    }
    expect(quickReplyLabels(answer!)).toContain("ศูนย์ใกล้ฉัน");
  });

  it("should name the nearest centre when a report is submitted", async () => {
    await seedDemoDirectory();
    const citizen = await ChatUser.create("th");
    await citizen.tap("a=menu.report");
    await citizen.tap("a=category&v=elderly");
    await citizen.say("คุณยายอายุ 80 อยู่บ้านคนเดียว ไม่มีคนดูแล ขาดอาหาร");
    await citizen.say("ต.ศรีภูมิ อ.เมืองเชียงใหม่ จ.เชียงใหม่");
    await citizen.tap("a=photos.done");
    await citizen.tap("a=phone.none");
    await citizen.newReplies();
    // Consent and sending are one tap: "ยินยอมและส่งเรื่อง".
    await citizen.tap("a=confirm");
    const replies = (await citizen.newReplies()).map(visibleText);
    expect(replies.join("\n")).toMatch(/เลขที่เรื่อง/);
    expect(replies.at(-1)).toContain(
      "ศูนย์ช่วยเหลือที่ใกล้คุณที่สุด: ศูนย์ช่วยเหลือสังคมตำบลศรีภูมิ (ข้อมูลสาธิต)",
    );
  });
});
