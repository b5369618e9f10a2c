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

const tap = (data: string): BotInput => ({ kind: "postback", data });
const answer = (value: string) => tap(`a=welfare.answer&v=${value}`);
const text = (value: string): BotInput => ({ kind: "text", text: value });

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
    const { steps, last, session } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("yes"),
      text("72"),
      answer("no"),
      answer("no"),
    ]);
    const asked = steps.map(stepOf).filter(Boolean);
    expect(asked).toEqual([
      "interest",
      "nationality",
      "age",
      "receivesGovernmentPension",
      "livesInStateCareHome",
    ]);
    expect(asked).not.toContain("annualIncomePerPerson");
    expect(session).toEqual(IDLE);
    expect(last).toContain("ได้รับสิทธิ์");
    expect(last).toContain("เดือนละ 700 บาท");
    expect(last).toContain("tel:1300");
  });

  it("should not ask about income when a card holder asks only about the disability allowance", () => {
    const { steps, last } = play([
      tap("a=menu.welfare"),
      answer("disability"),
      answer("yes"),
      answer("yes"),
      answer("no"),
      text("40"),
    ]);
    const asked = steps.map(stepOf).filter(Boolean);
    expect(asked).toContain("livesInStateCareHome");
    expect(asked).not.toContain("annualIncomePerPerson");
    expect(asked).not.toContain("financialAssets");
    // Since Apr 2023 the welfare card no longer raises an adult's amount: not asked.
    expect(asked).not.toContain("hasStateWelfareCard");
    expect(last).toContain("800");
  });

  it("should take a Buddhist-era birth date or birth year for the age, counted on today's date", () => {
    const byDate = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("yes"),
      text("1/3/2504"),
      answer("no"),
      answer("no"),
    ]);
    // Born 1 Mar 1961: 65 on 25 Nov 2026, in the 60-69 band.
    expect(byDate.last).toContain("600");
    expect(byDate.steps.at(-1)).toEqual(IDLE);

    // Born in 2509 BE (1966): 59 or 60 today, so the chat asks for the age or birth date.
    const byYear = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("yes"),
      text("พ.ศ. 2509"),
    ]);
    expect(stepOf(byYear.steps.at(-1)!)).toBe("age");
    expect(byYear.last).toContain("2509");
  });

  it("should ask no child questions when there are no young children", () => {
    const { steps } = play([tap("a=menu.welfare"), answer("child"), answer("no")]);
    expect(steps.map(stepOf).filter(s => s?.startsWith("child"))).toEqual(["children"]);
    expect(steps.at(-1)).toEqual(IDLE);
  });

  it("should take a Buddhist-era birth date for a child and count the grant per child", () => {
    const { last, session } = play([
      tap("a=menu.welfare"),
      answer("child"),
      answer("yes"),
      text("1/3/2565"),
      answer("no"),
      answer("yes"),
      text("45,000"),
    ]);
    expect(session).toEqual(IDLE);
    expect(last).toContain("เดือนละ 600 บาท");
  });

  it("should go back one step and forget that answer", () => {
    const { steps } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("yes"),
      text("72"),
      tap("a=welfare.back"),
    ]);
    const after = steps.at(-1)!;
    expect(stepOf(after)).toBe("age");
    expect(after.flow === "welfare" && after.profile.age).toBeUndefined();
  });

  it("should say politely when an age is not a number and keep the question", () => {
    const { session, last } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("yes"),
      text("เยอะแล้ว"),
    ]);
    expect(stepOf(session)).toBe("age");
    expect(last).toContain("กรุณาพิมพ์อายุเป็นตัวเลข");
  });

  it("should forget every answer when the person cancels", () => {
    const { session, last } = play([
      tap("a=menu.welfare"),
      answer("elderly"),
      answer("yes"),
      text("ยกเลิก"),
    ]);
    expect(session).toEqual(IDLE);
    expect(last).toContain("คำตอบที่ให้ไว้ถูกลบแล้ว");
  });

  it("should run in English, and switch language mid-way without losing the answers", () => {
    const { last, session } = play(
      [tap("a=menu.welfare"), answer("elderly"), answer("yes"), text("English")],
      context("th"),
    );
    expect(last).toContain("Switched to English");
    expect(last).toContain("How old are you?");
    expect(session.flow === "welfare" && session.profile.nationality).toBe("TH");
  });
});
