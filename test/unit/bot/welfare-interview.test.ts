import { IDLE, type BotInput, type Session } from "@sa/bot";
import { converse } from "@sa/bot";
import type { Hardship } from "@sa/core";
import { beforeAll, describe, expect, it } from "vitest";
import { areaDirectory, flowContext } from "../../support/bot-context";
import { visibleText } from "../../support/chat";

/** Someone checking "all benefits", described by what they would answer. */
interface Person {
  age: number;
  thai?: boolean;
  disabilityCard?: boolean;
  welfareCard?: boolean;
  pension?: boolean;
  /** Birth dates of the young children they bring up. */
  children?: string[];
  income: number;
  savings: number;
  hardship?: Hardship;
  poor?: boolean;
  /** Where the children live: in a state or private care home, or not known to the person. */
  childInCareHome?: boolean | "unknown";
}

const NOW = new Date("2026-11-25T03:00:00Z");
let ctx: ReturnType<typeof flowContext>;
beforeAll(async () => {
  ctx = flowContext(await areaDirectory(), { now: NOW });
});

type Item = { action: { type: string; label: string; data?: string } };
const valueOf = (item: Item) => new URLSearchParams(item.action.data ?? "").get("v");

/**
 * Taps the button this person would tap for the question on screen, reading only what the
 * person sees: the step tells which question it is, the buttons carry the answers.
 */
function tapFor(person: Person, session: Session, items: Item[], childrenGiven: number): BotInput {
  const tap = (value: string): BotInput => {
    const item = items.find(i => valueOf(i) === value);
    if (!item) throw new Error(`no "${value}" button among ${items.map(i => i.action.label)}`);
    return { kind: "postback", data: item.action.data! };
  };
  const step = session.flow === "welfare" ? session.step : "";
  const shown = session.flow === "welfare" ? (session.shown ?? []) : [];
  const over = (amount: number) => amount > 100_000;
  switch (step) {
    case "situation": {
      const facts: Record<string, boolean> = {
        nationality: person.thai === false,
        hasDisabilityCard: person.disabilityCard === true,
        hasStateWelfareCard: person.welfareCard === true,
        receivesGovernmentPension: person.pension === true,
        livesInStateCareHome: false,
        hivCertified: false,
        childInCareHome: person.childInCareHome === true,
      };
      const applies = shown.find(field => facts[field] && items.some(i => valueOf(i) === field));
      return tap(applies ?? "none");
    }
    case "age": {
      const band = items.find(i => {
        const match = /^(\d+)-(\d+)$/.exec(valueOf(i) ?? "");
        return match && Number(match[1]) <= person.age && person.age <= Number(match[2]);
      });
      if (!band) throw new Error(`no age button for ${person.age}`);
      return { kind: "postback", data: band.action.data! };
    }
    case "children":
    case "moreChildren": {
      const next = person.children?.[childrenGiven];
      if (!next) return tap("no");
      const picker = items.find(i => i.action.type === "datetimepicker")!;
      return { kind: "postback", data: picker.action.data!, date: next };
    }
    case "money": {
      const [income, savings] = [over(person.income), over(person.savings)];
      return tap(
        income && savings ? "bothOver" : income ? "incomeOver" : savings ? "savingsOver" : "within",
      );
    }
    case "annualIncomePerPerson":
      return tap(over(person.income) ? "over" : "within");
    case "financialAssets":
      return tap(over(person.savings) ? "over" : "within");
    case "hardships":
      return tap(person.hardship ?? "none");
    case "poorOrWithoutSupport":
      return tap(person.poor ? "yes" : "no");
    case "children[0].livesInCareHome": {
      const where = person.childInCareHome;
      return tap(where === "unknown" ? "unknown" : where ? "yes" : "no");
    }
    default:
      throw new Error(`unexpected question ${step}`);
  }
}

/** Chooses the interest ("all benefits" unless said) and answers by buttons only. */
function interview(person: Person, interest = "all") {
  let result = converse(IDLE, { kind: "postback", data: "a=menu.welfare" }, ctx);
  result = converse(
    result.session,
    { kind: "postback", data: `a=welfare.answer&v=${interest}` },
    ctx,
  );
  const asked: string[] = [];
  const questions: string[] = [];
  let childrenGiven = 0;
  while (result.session.flow === "welfare") {
    const session = result.session;
    asked.push(session.step);
    questions.push(visibleText(result.replies.at(-1)!));
    const items = ((result.replies.at(-1) as any).quickReply?.items ?? []) as Item[];
    // Every question can be answered "ไม่ทราบ", and none with ใช่/ไม่ใช่ (not how Thai answers ไหม).
    const labels = items.map(i => i.action.label);
    expect(labels, session.step).toContain("ไม่ทราบ");
    expect(
      labels.filter(l => l === "ใช่" || l === "ไม่ใช่"),
      session.step,
    ).toEqual([]);
    const input = tapFor(person, session, items, childrenGiven);
    if (input.kind === "postback" && input.date) childrenGiven++;
    result = converse(session, input, ctx);
    if (asked.length > 20) throw new Error(`the interview does not end: ${asked.join(", ")}`);
  }
  const [summary, cards] = result.replies.map(visibleText);
  return { asked, questions, summary: summary!, cards: cards! };
}

describe("the welfare interview for all benefits, by buttons only", () => {
  it("should settle every benefit for an older person living alone in at most 6 answers", () => {
    const { asked, summary } = interview({ age: 72, income: 40_000, savings: 20_000 });
    expect(asked.length).toBeLessThanOrEqual(6);
    expect(asked).toContain("children");
    expect(summary).toContain("น่าจะมีสิทธิ์");
    expect(summary).toContain("เบี้ยยังชีพผู้สูงอายุ เดือนละ 700 บาท");
    expect(summary).toContain("บัตรสวัสดิการแห่งรัฐ");
    expect(summary).not.toContain("ตรวจสอบเพิ่ม");
  });

  it("should name on every card the rule version that decided: its source and effective date", () => {
    const { cards } = interview({ age: 72, income: 40_000, savings: 20_000 });
    const sources = cards.split("\n").filter(line => line.startsWith("ที่มา: "));
    expect(sources).toHaveLength(6);
    // The old-age allowance's bands of 2011 and the welfare card's 2022 round, in Buddhist era.
    expect(sources).toContainEqual(expect.stringMatching(/\(ฉบับที่มีผล 1 ต\.ค\. 2554\)$/));
    expect(sources).toContainEqual(expect.stringMatching(/\(ฉบับที่มีผล 5 ก\.ย\. 2565\)$/));
  });

  it("should ask a grandparent about young children and count the grandchild's grant", () => {
    const { asked, summary } = interview({
      age: 66,
      children: ["2024-05-10"],
      income: 30_000,
      savings: 5_000,
    });
    expect(asked.length).toBeLessThanOrEqual(6);
    // "ไม่มีเลย" on the first list already said no child of theirs lives in a care home.
    expect(asked).not.toContain("children[0].livesInCareHome");
    expect(summary).toContain("เบี้ยยังชีพผู้สูงอายุ เดือนละ 600 บาท");
    expect(summary).toContain("เงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด เดือนละ 600 บาท");
  });

  it("should check a young parent's child grant and welfare card in at most 6 answers", () => {
    const { asked, summary } = interview({
      age: 28,
      children: ["2026-01-15"],
      income: 60_000,
      savings: 10_000,
    });
    expect(asked.length).toBeLessThanOrEqual(6);
    expect(summary).toContain("เงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด เดือนละ 600 บาท");
    expect(summary).toContain("บัตรสวัสดิการแห่งรัฐ");
    expect(summary).not.toContain("เบี้ยยังชีพผู้สูงอายุ");
  });

  it("should give a disability card holder the disability allowance in at most 6 answers", () => {
    const { asked, summary } = interview({
      age: 45,
      disabilityCard: true,
      income: 150_000,
      savings: 0,
    });
    expect(asked.length).toBeLessThanOrEqual(6);
    expect(summary).toContain("เบี้ยความพิการ เดือนละ 800 บาท");
    expect(summary).not.toContain("บัตรสวัสดิการแห่งรัฐ");
  });

  it("should ask whether income is enough only when a hardship makes it matter", () => {
    const alone = interview({ age: 70, income: 20_000, savings: 0, hardship: "homeless" });
    expect(alone.asked).toContain("poorOrWithoutSupport");
    const none = interview({ age: 70, income: 20_000, savings: 0 });
    expect(none.asked).not.toContain("poorOrWithoutSupport");
    // "ไม่มีผู้อุปการะ" already says there is nobody to support them.
    const noSupport = interview({
      age: 70,
      income: 20_000,
      savings: 0,
      hardship: "without_support",
    });
    expect(noSupport.asked).not.toContain("poorOrWithoutSupport");
    expect(noSupport.summary).toContain("เงินสงเคราะห์ครอบครัว");
  });

  it("should not ask about age or money when only benefits for Thai nationals need them", () => {
    const { asked, summary } = interview({ age: 70, thai: false, income: 0, savings: 0 });
    // The child grant needs a Thai child, not a Thai carer: that question stays.
    expect(asked).toContain("children");
    expect(asked).not.toContain("age");
    expect(asked).not.toContain("money");
    expect(summary).not.toContain("เบี้ยยังชีพผู้สูงอายุ");
  });
});

describe("where a child lives: a state or private care home", () => {
  const PARENT = { age: 30, children: ["2025-02-01"], income: 40_000, savings: 0 };
  const QUESTION = "ตอนนี้น้องอยู่ในสถานสงเคราะห์ของรัฐหรือเอกชนไหมคะ";

  it("should offer it on the first list, so that most families answer it with ไม่มีเลย", () => {
    const { questions } = interview({ ...PARENT, childInCareHome: false });
    expect(questions[0]).toContain("เด็กที่ท่านเลี้ยงดู อยู่ในสถานสงเคราะห์ของรัฐหรือเอกชน");
    expect(questions.join("\n")).not.toContain(QUESTION);
  });

  it("should ask about the child once the list left it open, and leave a child in a home out", () => {
    const { asked, questions, summary, cards } = interview({ ...PARENT, childInCareHome: true });
    // Asked after the money: an income over the ceiling would have settled it without asking.
    expect(asked.indexOf("children[0].livesInCareHome")).toBeGreaterThan(asked.indexOf("money"));
    const question = questions[asked.indexOf("children[0].livesInCareHome")]!;
    expect(question.split("\n").slice(0, 4)).toEqual([QUESTION, "อยู่", "ไม่อยู่", "ไม่ทราบ"]);
    expect(summary).not.toContain("เงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด");
    expect(cards).toContain("เด็กอยู่ในสถานสงเคราะห์ของรัฐหรือเอกชน จึงไม่มีสิทธิ");
  });

  it("should not ask it when the income already rules the grant out", () => {
    const { asked } = interview({ ...PARENT, income: 150_000, childInCareHome: true });
    expect(asked).not.toContain("children[0].livesInCareHome");
  });

  it("should leave the grant undecided, naming what is missing, when the answer is ไม่ทราบ", () => {
    const { asked, summary, cards } = interview({ ...PARENT, childInCareHome: "unknown" }, "child");
    expect(asked).toContain("children[0].livesInCareHome");
    expect(summary).not.toContain("เดือนละ 600 บาท");
    expect(summary).toContain("ตรวจสอบเพิ่ม");
    expect(cards).toContain("ว่าเด็กคนที่ 1 อยู่ในสถานสงเคราะห์หรือไม่");
  });
});
