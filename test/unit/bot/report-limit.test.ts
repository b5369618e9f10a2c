import { tap, text } from "../../support/bot-context";
import { converse, IDLE, REPORTS_PER_HOUR, type BotInput, type FlowContext } from "@sa/bot";
import { loadAreaDirectory, translator } from "@sa/core";
import { beforeAll, describe, expect, it } from "vitest";

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await loadAreaDirectory();
});

const NOW = new Date("2026-11-25T03:00:00Z"); // 10:00 in Bangkok
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

function context(recentReports: Date[], language: "th" | "en" = "th"): FlowContext {
  return {
    now: NOW,
    userId: "U1",
    language,
    t: translator(language),
    tFor: translator,
    areas,
    newTicket: () => "691125-ABCDE",
    recentReports,
  };
}

describe("the hourly limit on ordinary reports", () => {
  const full = [50, 40, 30, 20, 10].map(minutesAgo);

  it("refuses a new report after five in the last hour, politely, saying when and pointing to 1300", () => {
    expect(full).toHaveLength(REPORTS_PER_HOUR);
    const result = converse(IDLE, tap("a=menu.report"), context(full));
    const said = JSON.stringify(result.replies);
    expect(result.session).toEqual(IDLE);
    expect(result.commands).toEqual([]);
    expect(said).toContain("1300");
    // The oldest (50 minutes ago, 09:10) leaves the hour at 10:10 Bangkok time.
    expect(said).toContain("10:10");
  });

  it("says the same in English", () => {
    const result = converse(IDLE, tap("a=menu.report"), context(full, "en"));
    expect(JSON.stringify(result.replies)).toMatch(/reports this hour.*10:10.*1300/s);
  });

  it("lets a report start when fewer than five were sent in the last hour", () => {
    const result = converse(
      IDLE,
      tap("a=menu.report"),
      context([...full.slice(1), minutesAgo(61)]),
    );
    expect(result.session).toMatchObject({ flow: "report", step: "category" });
  });

  it("never limits the danger path: the refusal offers the danger button, which opens an urgent report", () => {
    const refused = converse(IDLE, tap("a=menu.report"), context(full));
    expect(JSON.stringify(refused.replies)).toContain("a=urgent");
    const result = converse(IDLE, tap("a=urgent"), context(full));
    const created = result.commands.filter(c => c.type === "createCase");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ report: { urgent: true } });
  });

  it("still brings the call card for danger words after the limit", () => {
    const result = converse(IDLE, text("พ่อกำลังทำร้ายแม่"), context(full));
    expect(JSON.stringify(result.replies)).toMatch(/1300|191/);
  });
});
