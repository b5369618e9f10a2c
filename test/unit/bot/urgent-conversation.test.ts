import {
  converse,
  IDLE,
  SESSION_TTL_MS,
  type BotInput,
  type Command,
  type FlowContext,
  type FlowResult,
  type Session,
} from "@sa/bot";
import type { Language } from "@sa/core";
import { areaDirectory, flowContext, runConversation, tap, text } from "../../support/bot-context";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await areaDirectory();
});

const NOW = new Date("2026-11-25T03:00:00Z");

function context(language: Language = "th", now = NOW): FlowContext {
  let n = 0;
  return flowContext(areas, {
    language,
    now,
    userId: "Ucitizen",
    newTicket: () => `691125-URG${n++}`,
  });
}

const run = (inputs: BotInput[], start: Session = IDLE, ctx = context()): FlowResult[] =>
  runConversation(inputs, start, ctx);

const shown = (result: FlowResult) => JSON.stringify(result.replies);
const created = (results: FlowResult[]) =>
  results.flatMap(r => r.commands).filter(c => c.type === "createCase");
const changes = (results: FlowResult[]) =>
  results.flatMap(r => r.commands).flatMap(c => (c.type === "updateUrgentCase" ? [c.change] : []));

describe("the danger path", () => {
  it("should open an urgent report and show the call card in the very reply to the danger tap", () => {
    const [, danger] = run([tap("a=menu.report"), tap("a=urgent")]);
    const [command] = danger!.commands as Extract<Command, { type: "createCase" }>[];
    expect(command?.type).toBe("createCase");
    expect(command!.report).toMatchObject({
      urgent: true,
      category: null,
      description: "",
      location: null,
      status: "new",
      consent: null,
      lawfulBasis: "vital_interest",
      intake: { state: "collecting" },
      reporter: { lineUserId: "Ucitizen", language: "th", phone: null },
      createdAt: NOW.toISOString(),
    });
    for (const number of ["191", "1669", "199", "1300", "1323"]) {
      expect(shown(danger!)).toContain(`tel:${number}`);
    }
    // The place comes first: responders need it.
    expect(danger!.session).toMatchObject({ flow: "urgent", step: "location" });
    expect(shown(danger!)).toContain(command!.report.ticket);
  });

  it("should take typed words such as ด่วน at the first question as the danger answer", () => {
    for (const word of ["ด่วน", "อันตราย", "urgent"]) {
      const steps = run([tap("a=menu.report"), text(word)]);
      expect(created(steps)).toHaveLength(1);
    }
  });

  it("should add each answer to the same report, place first, then what happened, category and phone", () => {
    const steps = run([
      tap("a=urgent"),
      { kind: "location", latitude: 18.79, longitude: 98.98, address: "ศรีภูมิ เชียงใหม่" },
      text("สามีกำลังทำร้ายภรรยา มีเลือดออก"),
      tap("a=category&v=domestic_violence"),
      text("0812345678"),
    ]);
    expect(created(steps)).toHaveLength(1);
    expect(changes(steps).map(c => c.kind)).toEqual([
      "location",
      "description",
      "category",
      "phone",
      "intake",
    ]);
    expect(changes(steps).at(-1)).toEqual({ kind: "intake", state: "complete" });
    expect(steps.at(-1)!.session).toEqual(IDLE);
    const tickets = steps
      .flatMap(r => r.commands)
      .flatMap(c => (c.type === "updateUrgentCase" ? [c.ticket] : []));
    expect(new Set(tickets).size).toBe(1);
  });

  it("should open one urgent report however often danger is tapped", () => {
    const steps = run([tap("a=urgent"), tap("a=urgent"), tap("a=menu.report"), tap("a=urgent")]);
    expect(created(steps)).toHaveLength(1);
    expect(shown(steps[1]!)).toContain("tel:191");
  });

  it("should never drop an urgent report on ยกเลิก: it asks whether everyone is safe and tells staff", () => {
    const safe = run([tap("a=urgent"), text("ยกเลิก"), tap("a=urgent.safe&v=yes")]);
    expect(shown(safe[1]!)).toContain("ปลอดภัย");
    expect(safe[1]!.commands).toEqual([]);
    expect(changes(safe)).toEqual([
      { kind: "safety", dangerOver: true },
      { kind: "intake", state: "stopped" },
    ]);
    expect(safe.at(-1)!.session).toEqual(IDLE);
    expect(safe.flatMap(r => r.commands).some(c => c.type === "discardPhotos")).toBe(false);

    const notSafe = run([tap("a=urgent"), text("ยกเลิก"), tap("a=urgent.safe&v=no")]);
    expect(changes(notSafe)).toEqual([{ kind: "safety", dangerOver: false }]);
    expect(notSafe.at(-1)!.session).toMatchObject({ flow: "urgent", step: "location" });
    expect(shown(notSafe.at(-1)!)).toContain("tel:191");
  });

  it("should keep the urgent report, marked as not fully told, when the session runs out", () => {
    const [opened] = run([tap("a=urgent")]);
    const later = context("th", new Date(NOW.getTime() + SESSION_TTL_MS + 1000));
    const expired = converse(opened!.session, text("สวัสดี"), later);
    expect(expired.session).toEqual(IDLE);
    expect(changes([expired])).toEqual([{ kind: "intake", state: "stopped" }]);
    expect(shown(expired)).toContain("ยังอยู่กับเจ้าหน้าที่");
  });

  it("should carry what an ordinary report already had into the urgent one, and not ask it again", () => {
    const steps = run([
      tap("a=menu.report"),
      tap("a=category&v=children_youth"),
      text("เด็กถูกขังไว้ในบ้านคนเดียว"),
      tap("a=urgent"),
    ]);
    const [command] = created(steps) as Extract<Command, { type: "createCase" }>[];
    expect(command!.report).toMatchObject({
      category: "children_youth",
      description: "เด็กถูกขังไว้ในบ้านคนเดียว",
      urgent: true,
    });
    const next = run([text("หมู่ 3 บ้านหนองบัว")], steps.at(-1)!.session);
    // Location, then straight to the phone: description and category were given.
    expect(next.at(-1)!.session).toMatchObject({ flow: "urgent", step: "phone" });
  });

  it("should attach a photo sent at any step without leaving the step", () => {
    const steps = run([tap("a=urgent"), { kind: "image", messageId: "m1", photo: "p/1.jpg" }]);
    expect(changes(steps)).toEqual([{ kind: "photo", path: "p/1.jpg" }]);
    expect(steps.at(-1)!.session).toMatchObject({ flow: "urgent", step: "location" });
  });

  it("should speak English on the danger path for an English speaker", () => {
    const [danger] = run([tap("a=urgent")], IDLE, context("en"));
    expect(shown(danger!)).toContain("Call 191 Police");
    expect(shown(danger!)).toContain("Where is it happening?");
    expect(shown(danger!)).not.toMatch(/[ก-๙]{3}/);
  });
});

function corpus(name: string): string[] {
  return readFileSync(join(import.meta.dirname, "../../fixtures/danger-corpus", name), "utf8")
    .split("\n")
    .map(line => line.trim())
    .filter(line => line.length > 0 && !line.startsWith("#"));
}

const hasCard = (result: FlowResult) => shown(result).includes("tel:1669");

describe("danger words anywhere in the chat", () => {
  it("should bring the call card for every message of the danger corpus and for none of the ordinary one, outside and inside a report", () => {
    const danger = corpus("danger.txt");
    const ordinary = corpus("ordinary.txt");
    const inReport = run([tap("a=menu.report"), tap("a=category&v=elderly")]).at(-1)!.session;
    const count = (lines: string[], start: Session) =>
      lines.filter(line => hasCard(converse(start, text(line), context()))).length;
    const found = { idle: count(danger, IDLE), report: count(danger, inReport) };
    const falseAlarms = { idle: count(ordinary, IDLE), report: count(ordinary, inReport) };
    console.log(
      `danger corpus through the chat: card for ${found.idle}/${danger.length} (idle), ` +
        `${found.report}/${danger.length} (inside a report); false alarms on ordinary messages: ` +
        `${falseAlarms.idle}/${ordinary.length} (idle), ${falseAlarms.report}/${ordinary.length} (inside a report)`,
    );
    expect(found).toEqual({ idle: danger.length, report: danger.length });
    expect(falseAlarms).toEqual({ idle: 0, report: 0 });
  });

  it("should keep the report going after the card: the story is taken and the next question asked, with one tap to report as urgent", () => {
    const steps = run([
      tap("a=menu.report"),
      tap("a=category&v=domestic_violence"),
      text("ช่วยด้วยค่ะ มีคนถูกตี อยู่บ้านข้าง ๆ"),
    ]);
    const last = steps.at(-1)!;
    expect(hasCard(last)).toBe(true);
    expect(last.session).toMatchObject({
      flow: "report",
      step: "location",
      draft: { description: "ช่วยด้วยค่ะ มีคนถูกตี อยู่บ้านข้าง ๆ" },
    });
    const question = last.replies.at(-1) as Record<string, any>;
    expect(question.quickReply.items[0].action.data).toBe("a=urgent");
    expect(JSON.stringify(question)).toContain("ส่งตำแหน่ง");
    // The tap makes it urgent, with the story already in it.
    const urgent = converse(last.session, tap("a=urgent"), context());
    const [command] = urgent.commands as Extract<Command, { type: "createCase" }>[];
    expect(command!.report.description).toBe("ช่วยด้วยค่ะ มีคนถูกตี อยู่บ้านข้าง ๆ");
  });

  it("should put the mental-health line first for words of self-harm, and the fire brigade for a fire", () => {
    const firstNumber = (message: string) => {
      const result = converse(IDLE, text(message), context());
      return /tel:(\d+)/.exec(shown(result))?.[1];
    };
    expect(firstNumber("ไม่อยากมีชีวิตอยู่แล้ว อยากตาย")).toBe("1323");
    expect(firstNumber("ไฟไหม้บ้านข้าง ๆ ค่ะ")).toBe("199");
    expect(firstNumber("ช่วยด้วย สามีกำลังทุบตีฉัน")).toBe("191");
  });

  it("should not bring the card for ordinary speech", () => {
    for (const message of [
      "ไม่ได้ถูกตีค่ะ แค่ขอข้อมูล",
      "ร้อนจะตาย",
      "ขำจะตาย",
      "ตีหนึ่งแล้วยังไม่นอน",
    ]) {
      expect(hasCard(converse(IDLE, text(message), context())), message).toBe(false);
    }
  });
});
