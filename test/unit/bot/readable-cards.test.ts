import {
  converse,
  IDLE,
  myDataMessage,
  myReportsMessage,
  staffCaseAlert,
  volunteerAssignment,
  type FlowContext,
} from "@sa/bot";
import { assessEligibility, translator, type Case } from "@sa/core";
import type { messagingApi } from "@line/bot-sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { eligibilityCarousel } from "../../../bot/src/messages/eligibility-carousel";
import { areaDirectory, flowContext, runConversation } from "../../support/bot-context";

let areas: FlowContext["areas"];
beforeAll(async () => {
  areas = await areaDirectory();
});

const NOW = new Date("2026-12-01T03:00:00Z");
const t = translator("th");

const REPORT: Case = {
  ticket: "691201-48213",
  category: "elderly",
  urgent: true,
  description: "คุณยายอยู่คนเดียว",
  location: null,
  photos: [],
  reporter: { lineUserId: "U1", phone: null, language: "th" },
  consent: { version: "v", givenAt: NOW.toISOString(), sharePhone: false },
  lawfulBasis: "consent",
  status: "new",
  routedAt: null,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
};

/** Every flex message the bot builds, from the conversation and from the notices. */
function everyFlexMessage(): [string, messagingApi.FlexMessage][] {
  const ctx = flowContext(areas, { now: NOW });
  const chat = runConversation(
    [
      { kind: "postback", data: "a=menu.report" },
      { kind: "postback", data: "a=category&v=elderly" },
      { kind: "text", text: "คุณยายอยู่คนเดียว ไม่มีคนดูแล" },
      { kind: "postback", data: "a=location.unknown" },
      { kind: "postback", data: "a=photos.done" },
      { kind: "postback", data: "a=phone.none" },
    ],
    IDLE,
    ctx,
  ).flatMap(step => step.replies);
  const danger = converse(
    IDLE,
    { kind: "text", text: "ช่วยด้วย มีคนถูกทำร้ายอยู่ตอนนี้" },
    ctx,
  ).replies;
  const assessment = assessEligibility({ nationality: "TH", birthDate: "1950-01-01" } as never, {
    asOf: "2026-12-01",
    t: translator("th", "welfare"),
  });
  const messages: messagingApi.Message[] = [
    ...chat,
    ...danger,
    myReportsMessage(
      (["new", "acknowledged", "referred", "resolved", "closed", "reopened"] as const).map(
        status => ({ ...REPORT, status }),
      ),
      t,
      "th",
    ),
    myDataMessage([REPORT], { language: "th", conversation: true }, t, "th"),
    staffCaseAlert(REPORT, t, "th", { caseUrl: "https://liff.line.me/x" }),
    staffCaseAlert(REPORT, t, "th", { caseUrl: "https://liff.line.me/x", escalated: true }),
    volunteerAssignment(REPORT, t, "th", "https://liff.line.me/x"),
    eligibilityCarousel(assessment, t, "th"),
  ];
  return messages
    .filter((m): m is messagingApi.FlexMessage => m.type === "flex")
    .map(m => [m.altText, m]);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map(i => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two #RRGGBB colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

function components(node: unknown, found: Record<string, any>[] = []): Record<string, any>[] {
  if (Array.isArray(node)) node.forEach(child => components(child, found));
  else if (node && typeof node === "object") {
    const record = node as Record<string, any>;
    if (typeof record.type === "string") found.push(record);
    Object.values(record).forEach(child => components(child, found));
  }
  return found;
}

const SMALL_SIZES = ["xxs", "xs", "sm"];

describe("flex cards people with poor eyesight can read", () => {
  it("should build the cards it checks", () => {
    expect(everyFlexMessage().length).toBeGreaterThanOrEqual(9);
  });

  it.each(everyFlexMessage())(
    "%s: text at least md, contrast at least 4.5:1 on white",
    (_, message) => {
      for (const part of components(message.contents).filter(c => c.type === "text")) {
        expect(SMALL_SIZES, `${part.text} size ${part.size}`).not.toContain(part.size);
        if (part.color) {
          expect(
            contrast(part.color, "#FFFFFF"),
            `${part.text} ${part.color}`,
          ).toBeGreaterThanOrEqual(4.5);
        }
      }
    },
  );

  it.each(everyFlexMessage())(
    "%s: buttons at least md high, coloured ones readable",
    (_, message) => {
      for (const button of components(message.contents).filter(c => c.type === "button")) {
        expect(button.height, button.action.label).not.toBe("sm");
        if (button.style === "primary" && button.color) {
          expect(contrast(button.color, "#FFFFFF"), button.action.label).toBeGreaterThanOrEqual(
            4.5,
          );
        }
      }
    },
  );
});
