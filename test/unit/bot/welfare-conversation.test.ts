import { tap, text } from "../../support/bot-context";
import { converse, IDLE, type BotInput, type FlowContext, type Session } from "@sa/bot";
import { loadAreaDirectory, translator, type Language } from "@sa/core";
import { beforeAll, describe, expect, it } from "vitest";

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await loadAreaDirectory();
});

function context(language: Language = "th"): FlowContext {
  return {
    now: new Date("2026-11-25T03:00:00Z"),
    userId: "U1",
    language,
    t: translator(language),
    tFor: translator,
    areas,
    newTicket: () => "X",
  };
}

const answer = (value: string) => tap(`a=welfare.answer&v=${value}`);

/** Plays the inputs and returns the session after each, plus everything the bot said. */
function play(inputs: BotInput[], ctx = context()) {
  let session: Session = IDLE;
  const said: string[] = [];
  const steps: Session[] = [];
  for (const input of inputs) {
    const result = converse(session, input, ctx);
    session = result.session;
    steps.push(session);
    said.push(JSON.stringify(result.replies));
  }
  return { session, steps, said, last: said.at(-1)! };
}

function stepOf(session: Session): string | undefined {
  return session.flow === "welfare" ? session.step : undefined;
}

describe("the welfare check in the chat", () => {
  it("should ask an older Thai person only what the old-age allowance needs and show 700 baht at 72", () => {
    const { steps, last, session, said } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("none"),
      answer("70-79"),
    ]);
    const asked = steps.map(stepOf).filter(Boolean);
    expect(asked).toEqual(["interest", "situation", "age"]);
    // One list for the facts that are "no" for most people, with the pension named plainly.
    expect(said[1]).toContain("ไม่ได้ถือสัญชาติไทย");
    expect(said[1]).toContain("บำนาญ หรือเงินเดือนประจำจากราชการ");
    expect(said[1]).toContain("ไม่มีเลย");
    expect(said[1]).toContain("ไม่ทราบ");
    expect(said[2]).toContain("70–79 ปี");
    expect(session).toEqual(IDLE);
    expect(last).toContain("น่าจะมีสิทธิ์");
    expect(last).toContain("เดือนละ 700 บาท");
    expect(last).toContain("tel:1300");
  });

  it("should offer the usual age bands, split only where an answer depends on it", () => {
    const elderly = play([tap("a=menu.welfare"), answer("elderly"), answer("none")]);
    const labels = (json: string) =>
      (JSON.parse(json) as any[]).at(-1).quickReply.items.map((i: any) => i.action.label);
    expect(labels(elderly.last)).toEqual(
      expect.arrayContaining(["ต่ำกว่า 60 ปี", "60–69 ปี", "70–79 ปี", "80–89 ปี", "90 ปีขึ้นไป"]),
    );
    // The welfare card starts at 18: for "all benefits" the youngest band is split there.
    const all = play([tap("a=menu.welfare"), answer("all"), answer("none")]);
    expect(labels(all.last)).toEqual(
      expect.arrayContaining(["ต่ำกว่า 18 ปี", "18–59 ปี", "60–69 ปี", "90 ปีขึ้นไป"]),
    );
  });

  it("should take a typed age, a Buddhist-era birth date or birth year instead of a band", () => {
    const typed = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("none"),
      text("72 ปีค่ะ"),
    ]);
    expect(typed.last).toContain("เดือนละ 700 บาท");
    const byDate = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("none"),
      text("1/3/2504"),
    ]);
    // Born 1 Mar 1961: 65 on 25 Nov 2026, in the 60-69 band.
    expect(byDate.last).toContain("เดือนละ 600 บาท");
    expect(byDate.session).toEqual(IDLE);

    // Born in 2509 BE (1966): 59 or 60 today, so the chat asks again, with the bands.
    const byYear = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("none"),
      text("พ.ศ. 2509"),
    ]);
    expect(stepOf(byYear.session)).toBe("age");
    expect(byYear.last).toContain("2509");
    expect(byYear.last).toContain("60–69 ปี");
  });

  it("should ask about the disability allowance with answers that match the question", () => {
    const { said, last } = play([
      tap("a=menu.welfare"),
      answer("disability"),
      answer("hasDisabilityCard"),
      answer("none"),
      answer("18-59"),
    ]);
    // The second look at the list drops what was tapped and ends with "ไม่มีแล้ว".
    expect(said[2]).toContain("ไม่มีแล้ว");
    expect(said[2]).not.toContain("มีบัตรคนพิการ");
    expect(last).toContain("เบี้ยความพิการ");
    expect(last).toContain("800");
  });

  it("should leave a question unanswered with ไม่ทราบ and say what is still needed", () => {
    const { session, last } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("none"),
      answer("unknown"),
    ]);
    expect(session).toEqual(IDLE);
    expect(last).toContain("ต้องตรวจสอบเพิ่ม");
    expect(last).toContain("อายุ");
  });

  it("should ask no more child questions when there are no young children", () => {
    const { steps, said } = play([tap("a=menu.welfare"), answer("child"), answer("no")]);
    // A ไหม question answered the way Thai speakers do: มี / ไม่มี, not ใช่ / ไม่ใช่.
    expect(said[1]).toContain('"label":"ไม่มี"');
    expect(said[1]).not.toContain("ไม่ใช่");
    expect(steps.map(stepOf).filter(s => s?.startsWith("child"))).toEqual(["children"]);
    expect(steps.at(-1)).toEqual(IDLE);
  });

  it("should take a child's birth date from the date picker and count the grant per child", () => {
    const { last, session, said } = play([
      tap("a=menu.welfare"),
      answer("child"),
      { kind: "postback", data: "a=welfare.answer&v=child", date: "2022-03-01" },
      text("1/6/2567"),
      answer("no"),
      answer("within"),
      // Asked only after the income is within the ceiling: then where each child lives decides.
      answer("no"),
      answer("no"),
    ]);
    // The picker only offers dates of children young enough to count.
    expect(said[1]).toContain('"mode":"date"');
    expect(said[1]).toContain('"min":"2020-11-25"');
    expect(session).toEqual(IDLE);
    expect(last).toContain("เดือนละ 1,200 บาท");
  });

  it("should go back one step and forget that answer", () => {
    const { steps } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("none"),
      tap("a=welfare.back"),
    ]);
    const after = steps.at(-1)!;
    expect(stepOf(after)).toBe("situation");
    expect(after.flow === "welfare" && after.profile.nationality).toBeUndefined();
  });

  it("should say politely when an age cannot be read and keep the question", () => {
    const { session, last } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("none"),
      text("เยอะแล้ว"),
    ]);
    expect(stepOf(session)).toBe("age");
    expect(last).toContain("ยังอ่านอายุไม่ได้");
  });

  it('should understand "ไม่มีค่ะ" typed at the list, like the "ไม่มีเลย" button', () => {
    const { steps } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      text("ไม่มีค่ะ"),
      answer("60-69"),
    ]);
    expect(steps.map(stepOf)).toEqual(["interest", "situation", "age", undefined]);
  });

  it("should forget every answer when the person cancels", () => {
    const { session, last } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("none"),
      text("ยกเลิก"),
    ]);
    expect(session).toEqual(IDLE);
    expect(last).toContain("คำตอบที่ให้ไว้ถูกลบแล้ว");
  });

  it("should run in English, and switch language mid-way without losing the answers", () => {
    const { last, session } = play(
      [tap("a=menu.welfare"), answer("elderly"), answer("none"), text("English")],
      context("th"),
    );
    expect(last).toContain("Switched to English");
    expect(last).toContain("How old are you?");
    expect(last).toContain("60–69");
    expect(session.flow === "welfare" && session.profile.nationality).toBe("TH");
  });
});
