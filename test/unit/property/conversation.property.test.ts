import {
  converse,
  IDLE,
  sessionSchema,
  type BotInput,
  type Command,
  type FlowContext,
  type Session,
} from "@sa/bot";
import { caseSchema, type Language } from "@sa/core";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { areaDirectory, flowContext } from "../../support/bot-context";

/**
 * The conversation as a state machine: any sequence of inputs, from any session it can reach,
 * never throws, always leaves a session that parses (so it is never dropped on the next
 * message), never sends more than LINE's five replies, and an urgent report once opened is
 * never thrown away.
 */

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await areaDirectory();
});

const START = new Date("2026-11-25T03:00:00Z").getTime();

const words = [
  "แจ้งเรื่อง",
  "ติดตามเรื่อง",
  "ตรวจสอบสิทธิ์",
  "ด่วน",
  "ยกเลิก",
  "cancel",
  "English",
  "ภาษาไทย",
  "1300",
  "ใช่",
  "ไม่",
  "ต.ศรีภูมิ อ.เมืองเชียงใหม่ จ.เชียงใหม่",
  "ศรีภูมิ",
  "0812345678",
  "12345",
  "65",
  "1/3/2565",
  "คุณยายอายุ 80 อยู่บ้านคนเดียว ไม่มีคนดูแล",
  "เขากำลังตีแม่ ช่วยด้วย",
  "มีคนจะฆ่าตัวตาย",
  "\u200B\u200B",
  "😀".repeat(3000),
  "ก".repeat(5001),
];
const actions = [
  "menu.report",
  "menu.track",
  "menu.welfare",
  "menu.hotline",
  "language",
  "cancel",
  "category",
  "urgent",
  "urgent.safe",
  "urgent.skip",
  "area",
  "location.unknown",
  "photos.done",
  "phone.none",
  "phone.known",
  "offer.yes",
  "offer.no",
  "consent",
  "consent.text",
  "confirm",
  "edit",
  "welfare.answer",
  "welfare.back",
  "welfare.restart",
];
const values = [
  undefined,
  "elderly",
  "child",
  "0",
  "1",
  "-1",
  "99",
  "yes",
  "no",
  "full",
  "without_phone",
  "description",
  "location",
  "phone",
  "en",
  "th",
  "all",
  "../../x",
  "__proto__",
];

type Step = { wait: number } | { input: BotInput };
let photoSeq = 0;
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...words)
      .map(text => ({ input: { kind: "text", text } as BotInput })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: "grapheme", maxLength: 80 })
      .map(text => ({ input: { kind: "text", text } as BotInput })),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(fc.constantFrom(...actions), fc.constantFrom(...values)).map(([a, v]) => ({
      input: {
        kind: "postback",
        data: new URLSearchParams(v === undefined ? { a } : { a, v }).toString(),
      } as BotInput,
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.double({ min: 5, max: 21, noNaN: true }),
        fc.double({ min: 97, max: 106, noNaN: true }),
      )
      .map(([latitude, longitude]) => ({
        input: { kind: "location", latitude, longitude } as BotInput,
      })),
  },
  {
    weight: 1,
    arbitrary: fc.boolean().map(saved => {
      const id = String(++photoSeq);
      return {
        input: {
          kind: "image",
          messageId: id,
          ...(saved && { photo: `photos/U1/${id}.jpg` }),
        } as BotInput,
      };
    }),
  },
  { weight: 1, arbitrary: fc.constant({ input: { kind: "follow" } as BotInput }) },
  {
    weight: 1,
    arbitrary: fc.constant({ input: { kind: "unsupported", messageType: "sticker" } as BotInput }),
  },
  // Time passes: sometimes past the session's 30 minutes.
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 40 }).map(minutes => ({ wait: minutes * 60_000 })),
  },
);

function contextAt(now: number, language: Language, tickets: { n: number }): FlowContext {
  return flowContext(areas, {
    now: new Date(now),
    language,
    newTicket: () => `691125-P${String(++tickets.n).padStart(4, "0")}`,
  });
}

describe("the conversation, for any sequence of inputs", () => {
  it("never throws, always leaves a session that parses, sends at most 5 replies, and never drops an urgent report", () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 25 }),
        fc.constantFrom<Language>("th", "en"),
        (steps, language) => {
          let session: Session = IDLE;
          let now = START;
          const tickets = { n: 0 };
          const urgentTickets = new Set<string>();
          const urgentPhotos = new Set<string>();
          for (const s of steps) {
            if ("wait" in s) {
              now += s.wait;
              continue;
            }
            const result = converse(session, s.input, contextAt(now, language, tickets));
            const parsed = sessionSchema.safeParse(result.session);
            expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
            expect(result.replies.length).toBeLessThanOrEqual(5);
            for (const command of result.commands as Command[]) {
              if (command.type === "createCase") {
                expect(caseSchema.safeParse(command.report).success).toBe(true);
                // A ticket is never reused: creating again would overwrite an urgent report.
                expect(urgentTickets.has(command.report.ticket)).toBe(false);
                if (command.report.urgent) urgentTickets.add(command.report.ticket);
                for (const path of command.report.photos)
                  if (command.report.urgent) urgentPhotos.add(path);
              }
              if (command.type === "updateUrgentCase") {
                expect(urgentTickets.has(command.ticket)).toBe(true);
                if (command.change.kind === "photo") urgentPhotos.add(command.change.path);
              }
              // A photo given to an urgent report is evidence: never deleted by the conversation.
              if (command.type === "discardPhotos")
                for (const path of command.paths) expect(urgentPhotos.has(path)).toBe(false);
            }
            session = parsed.data!;
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
