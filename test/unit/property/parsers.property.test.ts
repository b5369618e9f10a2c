import { decodePostback, encodePostback } from "@sa/bot";
import {
  assistanceSchema,
  assignSchema,
  clipText,
  parseThaiPhone,
  parseTypedDate,
  queueQuerySchema,
  referralSchema,
  registrationSchema,
  saveDutyRosterSchema,
  staffStatusSchema,
  visitSchema,
  volunteerStatusSchema,
} from "@sa/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidPathParam, PATH_PARAMS } from "../../../functions/src/api/request-limits";
import { checkEvent } from "../../../functions/src/webhook/event-shape";

/** Property tests of the input parsers: any input, no throw, and only well-formed output. */

const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe("parseThaiPhone", () => {
  it("never throws, and what it returns is a national number that parses to itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), input => {
        const phone = parseThaiPhone(input);
        if (phone === undefined) return;
        expect(phone).toMatch(/^0(?:[689]\d{8}|[2-7]\d{7})$/);
        expect(parseThaiPhone(phone)).toBe(phone);
      }),
    );
  });

  it("reads a mobile number however it is written: dashes, spaces, +66, Thai digits", () => {
    const mobile = fc
      .tuple(fc.constantFrom("6", "8", "9"), fc.stringMatching(/^\d{8}$/))
      .map(([a, rest]) => `0${a}${rest}`);
    fc.assert(
      fc.property(mobile, fc.constantFrom("plain", "dashes", "intl", "thai"), (number, style) => {
        const written =
          style === "dashes"
            ? `${number.slice(0, 3)}-${number.slice(3, 6)}-${number.slice(6)}`
            : style === "intl"
              ? `+66 ${number.slice(1)}`
              : style === "thai"
                ? number.replace(/\d/g, d => "๐๑๒๓๔๕๖๗๘๙"[Number(d)]!)
                : number;
        expect(parseThaiPhone(written)).toBe(number);
      }),
    );
  });
});

describe("parseTypedDate", () => {
  it("never throws, and returns only real dates that parse to themselves", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), input => {
        const date = parseTypedDate(input);
        if (date === undefined) return;
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(parseTypedDate(date)).toBe(date);
      }),
    );
  });

  it("reads day/month/year in both eras as the same date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        at => {
          const iso = at.toISOString().slice(0, 10);
          const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
          expect(parseTypedDate(`${d}/${m}/${y}`)).toBe(iso);
          expect(parseTypedDate(`${d}/${m}/${y + 543}`)).toBe(iso);
        },
      ),
    );
  });
});

describe("postback data", () => {
  it("decodes anything without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), data => {
        const decoded = decodePostback(data);
        if (decoded) expect(decoded.action.length).toBeGreaterThan(0);
      }),
    );
  });

  it("decodes what it encodes, whatever the action and value", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.option(fc.string(), { nil: undefined }),
        (a, v) => {
          expect(decodePostback(encodePostback(a, v))).toEqual(
            v === undefined ? { action: a } : { action: a, value: v },
          );
        },
      ),
    );
  });
});

describe("request schemas", () => {
  const schemas = {
    visitSchema,
    assistanceSchema,
    referralSchema,
    volunteerStatusSchema,
    registrationSchema,
    assignSchema,
    staffStatusSchema,
    saveDutyRosterSchema,
    queueQuerySchema,
  };

  it("never throw on any JSON, and refuse any unknown field", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...Object.values(schemas)), (body, schema) => {
        const parsed = schema.safeParse(body);
        if (parsed.success && body && typeof body === "object" && !Array.isArray(body)) {
          // Strict: what was accepted had no field the schema does not name.
          expect(schema.safeParse({ ...body, unexpectedField: 1 }).success).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("accept no visit whose GPS is off the Earth", () => {
    const base = visitSchema.parse({
      clientId: "visit-client-0001",
      visitedAt: "2025-01-15T10:00:00.000Z",
      nextStep: { kind: "follow_up", date: "2025-02-01" },
      members: [{ age: 70, sex: "female", disability: false, chronicIllness: true }],
      housing: "stable",
      monthlyIncome: 0,
      needs: Object.fromEntries(
        ["health", "living", "education", "income", "access"].map(d => [d, { level: "none" }]),
      ),
    });
    fc.assert(
      fc.property(fc.double(), fc.double(), (latitude, longitude) => {
        const ok = visitSchema.safeParse({ ...base, gps: { latitude, longitude, accuracy: 1 } });
        const onEarth =
          Number.isFinite(latitude) &&
          Number.isFinite(longitude) &&
          Math.abs(latitude) <= 90 &&
          Math.abs(longitude) <= 180;
        expect(ok.success).toBe(onEarth);
      }),
    );
  });
});

describe("path parameters", () => {
  it("never let through a separator, a dot, a percent sign or a long value", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(PATH_PARAMS)),
        fc.string({ maxLength: 200 }),
        (name, value) => {
          if (!isValidPathParam(name, value)) return;
          expect(value).not.toMatch(/[/.%\\\s\u0000]/);
          expect(value.length).toBeLessThanOrEqual(64);
        },
      ),
    );
  });
});

describe("webhook events", () => {
  it("are checked without throwing, and a passed text is well-formed and bounded", () => {
    fc.assert(
      fc.property(
        fc.record({
          type: fc.constantFrom("message", "postback", "follow", "unfollow", "x"),
          webhookEventId: fc.oneof(fc.stringMatching(/^[0-9A-Z]{26}$/), fc.string()),
          timestamp: fc.oneof(fc.integer(), fc.string()),
          source: fc.oneof(
            fc.record({
              type: fc.constant("user"),
              userId: fc.oneof(fc.stringMatching(/^U[0-9a-f]{32}$/), fc.string()),
            }),
            fc.jsonValue(),
          ),
          message: fc.oneof(
            fc.record({
              type: fc.constant("text"),
              id: fc.constant("1"),
              text: fc.string({ unit: "binary", maxLength: 50 }),
            }),
            fc.jsonValue(),
          ),
          postback: fc.oneof(fc.record({ data: fc.string({ maxLength: 400 }) }), fc.jsonValue()),
        }),
        event => {
          const checked = checkEvent(event);
          if (!checked.ok || event.type !== "message") return;
          const text = (checked.event as { message: { text?: unknown } }).message.text;
          if (typeof text === "string") expect(wellFormed(text)).toBe(true);
        },
      ),
    );
  });
});

describe("clipText", () => {
  it("fits the limit and never leaves half an emoji", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (text, max) => {
          const clipped = clipText(text, max);
          expect(clipped.length).toBeLessThanOrEqual(max);
          expect(text.startsWith(clipped)).toBe(true);
          expect(wellFormed(clipped) || !wellFormed(text)).toBe(true);
        },
      ),
    );
  });
});
