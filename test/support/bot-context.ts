import {
  converse,
  IDLE,
  type BotInput,
  type FlowContext,
  type FlowResult,
  type Session,
} from "@sa/bot";
import { loadAreaDirectory, translator, type Language } from "@sa/core";

let areas: Promise<FlowContext["areas"]> | undefined;

/** The address directory, loaded once for all the conversation tests of a file. */
export function areaDirectory(): Promise<FlowContext["areas"]> {
  areas ??= loadAreaDirectory();
  return areas;
}

/** What the webhook passes a flow, with a fixed clock and ticket codes the test chooses. */
export function flowContext(
  directory: FlowContext["areas"],
  options: { language?: Language; now: Date; userId?: string; newTicket?: () => string },
): FlowContext {
  const language = options.language ?? "th";
  return {
    now: options.now,
    userId: options.userId ?? "U1",
    language,
    t: translator(language),
    tFor: translator,
    areas: directory,
    newTicket: options.newTicket ?? (() => "691125-ABCDE"),
  };
}

/** Runs inputs one after another, as the webhook would, and returns every step's result. */
export function runConversation(
  inputs: BotInput[],
  start: Session,
  ctx: FlowContext,
): FlowResult[] {
  let session = start;
  return inputs.map(input => {
    const result = converse(session, input, ctx);
    session = result.session;
    return result;
  });
}

/** A message the citizen types. */
export const text = (value: string): BotInput => ({ kind: "text", text: value });

/** A button the citizen taps (a postback's data). */
export const tap = (data: string): BotInput => ({ kind: "postback", data });
