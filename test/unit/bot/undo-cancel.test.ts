import { converse, dropSession, IDLE, type BotInput, type FlowContext } from "@sa/bot";
import { translator } from "@sa/core";
import { beforeAll, describe, expect, it } from "vitest";
import { areaDirectory, flowContext, runConversation, tap, text } from "../../support/bot-context";

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await areaDirectory();
});

const NOW = new Date("2026-12-01T03:00:00Z");
const at = (secondsLater: number) =>
  flowContext(areas, { now: new Date(NOW.getTime() + secondsLater * 1000) });
const photo: BotInput = { kind: "image", messageId: "m1", photo: "p/1.jpg" };
const texts = (replies: unknown[]) => JSON.stringify(replies);

/** A report told up to the photo step, then cancelled. */
function cancelled() {
  const steps = runConversation(
    [
      tap("a=menu.report"),
      tap("a=category&v=elderly"),
      text("ยายอยู่บ้านคนเดียว ไม่มีคนดูแล"),
      tap("a=location.unknown"),
      photo,
      text("ยกเลิก"),
    ],
    IDLE,
    at(0),
  );
  return { before: steps.at(-2)!, cancel: steps.at(-1)! };
}

describe("cancelling a report, undoable for a minute", () => {
  it("should offer เอาเรื่องกลับมา and keep the draft's photo while the minute lasts", () => {
    const { cancel } = cancelled();
    expect(texts(cancel.replies)).toContain("ยกเลิกการแจ้งเรื่องแล้ว");
    expect(texts(cancel.replies)).toContain("เอาเรื่องกลับมา");
    expect(cancel.commands).toEqual([]);
  });

  it("should bring the draft back where it was when เอาเรื่องกลับมา is tapped within the minute", () => {
    const { before, cancel } = cancelled();
    const undone = converse(cancel.session, tap("a=cancel.undo"), at(50));
    expect(undone.session).toMatchObject({
      flow: "report",
      step: (before.session as { step: string }).step,
      draft: { description: "ยายอยู่บ้านคนเดียว ไม่มีคนดูแล", photos: ["p/1.jpg"] },
    });
    expect(undone.session).not.toHaveProperty("cancelled");
    expect(undone.commands).toEqual([]);
    // The report then goes on to the ticket as if never cancelled.
    expect(texts(undone.replies)).toBe(texts(before.replies.slice(-1)));
  });

  it.each(["เอาเรื่องกลับมาค่ะ", "เอา เรื่องกลับมา", "เอาเรืองกลับมา", "undo", "Bring it back"])(
    "should bring the draft back when %j is typed within the minute, as the button does",
    said => {
      const { cancel } = cancelled();
      const typed = converse(cancel.session, text(said), at(50));
      const tapped = converse(cancel.session, tap("a=cancel.undo"), at(50));
      expect(typed).toEqual(tapped);
      expect(typed.session).toMatchObject({ flow: "report", draft: { photos: ["p/1.jpg"] } });
    },
  );

  it("should say it is too late when undo is typed after the minute, as the button does", () => {
    const { cancel } = cancelled();
    const late = converse(cancel.session, text("เอาเรื่องกลับมาค่ะ"), at(61));
    expect(late).toEqual(converse(cancel.session, tap("a=cancel.undo"), at(61)));
    expect(texts(late.replies)).toContain("เลยเวลาเอาเรื่องกลับมาแล้ว");
  });

  it("should say it is too late after the minute, and delete the photo then", () => {
    const { cancel } = cancelled();
    const late = converse(cancel.session, tap("a=cancel.undo"), at(61));
    expect(late.session).toEqual(IDLE);
    expect(texts(late.replies)).toContain("เลยเวลาเอาเรื่องกลับมาแล้ว");
    expect(late.commands).toEqual([{ type: "discardPhotos", paths: ["p/1.jpg"] }]);
  });

  it("should let the session sweep delete the photo quietly once the minute is over", () => {
    const { cancel } = cancelled();
    if (cancel.session.flow !== "report") throw new Error("expected the cancelled report");
    const swept = dropSession(cancel.session, translator("th"));
    expect(swept).toEqual({
      session: IDLE,
      replies: [],
      commands: [{ type: "discardPhotos", paths: ["p/1.jpg"] }],
    });
  });
});
