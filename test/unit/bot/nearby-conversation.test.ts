import { converse, IDLE, nearbyHelpPointsMessage, type FlowContext } from "@sa/bot";
import { nearestHelpPoints, translator } from "@sa/core";
import { beforeAll, describe, expect, it } from "vitest";
import { demoHelpPoints } from "../../../dev/src/demo-help-points";
import { areaDirectory, flowContext } from "../../support/bot-context";
import { CHIANG_MAI_SI_PHUM } from "../../support/accounts";

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await areaDirectory();
});
const NOW = new Date("2026-11-25T03:00:00Z");

describe("ศูนย์ใกล้ฉัน in the chat", () => {
  it("should ask for a location with LINE's location button", () => {
    const result = converse(
      IDLE,
      { kind: "text", text: "ศูนย์ใกล้ฉัน" },
      flowContext(areas, { now: NOW }),
    );
    const [reply] = result.replies;
    expect(reply).toMatchObject({ type: "text", text: expect.stringContaining("ตำแหน่ง") });
    const actions = (reply as any).quickReply.items.map((i: any) => i.action.type);
    expect(actions).toContain("location");
  });

  it("should turn a location shared with nothing under way into the nearest help points", () => {
    const result = converse(
      IDLE,
      { kind: "location", latitude: 18.79, longitude: 98.99, area: CHIANG_MAI_SI_PHUM },
      flowContext(areas, { now: NOW }),
    );
    expect(result.commands).toEqual([
      { type: "showNearbyHelpPoints", latitude: 18.79, longitude: 98.99, provinceCode: "50" },
    ]);
  });

  it("should keep a location sent during a report as the report's place", () => {
    const ctx = flowContext(areas, { now: NOW });
    const asked = converse(IDLE, { kind: "postback", data: "a=menu.report" }, ctx);
    const during = converse(asked.session, { kind: "text", text: "ศูนย์ใกล้ฉัน" }, ctx);
    expect(during.session.flow).toBe("report");
    expect(during.commands).toEqual([]);
  });

  it("should show each centre with its distance, a call button and a map link", () => {
    const t = translator("th");
    const nearby = nearestHelpPoints(demoHelpPoints(), { latitude: 18.7877, longitude: 98.9933 });
    const message = nearbyHelpPointsMessage(nearby, t) as any;
    expect(message.contents.contents).toHaveLength(3);
    const uris = JSON.stringify(message).match(/"uri":"[^"]+"/g) ?? [];
    expect(uris.filter(u => u.includes("tel:1300"))).toHaveLength(3);
    expect(uris.filter(u => u.includes("google.com/maps"))).toHaveLength(3);
    expect(JSON.stringify(message)).toMatch(/ห่างจากคุณ \d+ ม\./);
  });

  it("should point to 1300 when the province has no help points listed", () => {
    const message = nearbyHelpPointsMessage([], translator("en")) as any;
    expect(message.text).toContain("1300");
  });
});
