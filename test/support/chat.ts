import { inject } from "vitest";

export interface LoggedMessage {
  seq: number;
  from: "user" | "bot";
  via: "reply" | "push" | "webhook";
  message: Record<string, any>;
}

export type UserEvent =
  | { type: "text"; text: string }
  /** `params` is what a date-picker button sends back ({ date: "YYYY-MM-DD" }). */
  | { type: "postback"; data: string; params?: { date?: string } }
  | { type: "location"; latitude: number; longitude: number; address?: string; title?: string }
  | { type: "image"; contentBase64: string; contentType: string }
  | {
      type: "audio" | "video";
      contentBase64?: string;
      contentType?: string;
      duration?: number;
      /** Preparation checks that answer "processing" before "succeeded" (the stand-in's). */
      preparingChecks?: number;
      preparationFails?: boolean;
    }
  | { type: "sticker" | "file" | "follow" | "unfollow" };

async function sim<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${inject("stack").lineUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A simulated LINE user talking to the bot through the stand-in, as a person would. */
export class ChatUser {
  private seen = 0;
  private constructor(readonly userId: string) {}

  static async create(language: "th" | "en" = "th"): Promise<ChatUser> {
    const { userId } = await sim<{ userId: string }>("/sim/users", {
      displayName: "ทดสอบ",
      language,
    });
    return new ChatUser(userId);
  }

  /** Sends one event (signed by the stand-in) and returns the webhook's answer. */
  async send(event: UserEvent, options: { webhookEventId?: string; isRedelivery?: boolean } = {}) {
    return sim<{ status: number; webhookEventId: string; responseBody: string }>(
      `/sim/users/${this.userId}/events`,
      { ...event, ...options },
    );
  }

  say(text: string) {
    return this.send({ type: "text", text });
  }

  tap(data: string) {
    return this.send({ type: "postback", data });
  }

  async log(): Promise<LoggedMessage[]> {
    return (await sim<{ messages: LoggedMessage[] }>(`/sim/users/${this.userId}/messages`))
      .messages;
  }

  /** Bot messages that arrived since the last call. */
  async newReplies(): Promise<Record<string, any>[]> {
    const log = await this.log();
    const fresh = log.filter(m => m.seq > this.seen);
    if (log.length > 0) this.seen = Math.max(this.seen, ...log.map(m => m.seq));
    return fresh.filter(m => m.from === "bot").map(m => m.message);
  }
}

/** All the words a person would read in a message: text, alt text, flex texts, button labels. */
export function visibleText(message: Record<string, any>): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if ((key === "text" || key === "label" || key === "altText") && typeof value === "string")
          parts.push(value);
        else walk(value);
      }
    }
  };
  walk(message);
  return parts.join("\n");
}

export function quickReplyLabels(message: Record<string, any>): string[] {
  return (message.quickReply?.items ?? []).map((item: any) => item.action.label);
}

/** How a person answers one welfare question: a button's label, a typed text, or a date. */
export type WelfareAnswer = string | { typed: string } | { birthDate: string };

/**
 * The chat's welfare check as a person does it: taps the interest (e.g. "ทุกสิทธิ์"), then at
 * each question answers as `pick` says. Returns every question asked and, as text, everything
 * the bot said at the end. Fails when a question lacks the button `pick` names.
 */
export async function welfareCheck(
  user: ChatUser,
  interest: string,
  pick: (question: string, labels: string[]) => WelfareAnswer,
  options: { everyQuestionOffers?: string } = {},
): Promise<{ asked: string[]; replies: string[] }> {
  await user.tap("a=menu.welfare");
  let question = (await user.newReplies()).at(-1)!;
  const tapLabel = async (message: Record<string, any>, label: string) => {
    const item = message.quickReply?.items.find((i: any) => i.action.label === label);
    if (!item) throw new Error(`no "${label}" button under "${visibleText(message)}"`);
    await user.tap(item.action.data);
  };
  await tapLabel(question, interest);
  const asked: string[] = [];
  // A guard against a loop, far above any interview's length.
  while (asked.length < 15) {
    const replies = await user.newReplies();
    question = replies.at(-1)!;
    const items: any[] = question.quickReply?.items ?? [];
    if (!items.some(i => i.action.data?.includes("welfare.answer"))) {
      return { asked, replies: replies.map(visibleText) };
    }
    const text = visibleText(question);
    asked.push(text);
    const offered = options.everyQuestionOffers;
    if (offered && !quickReplyLabels(question).includes(offered)) {
      throw new Error(`no "${offered}" button under "${text}"`);
    }
    const answer = pick(text, quickReplyLabels(question));
    if (typeof answer === "string") await tapLabel(question, answer);
    else if ("typed" in answer) await user.say(answer.typed);
    else {
      const picker = items.find(i => i.action.type === "datetimepicker");
      if (!picker) throw new Error(`no date picker under "${text}"`);
      await user.send({
        type: "postback",
        data: picker.action.data,
        params: { date: answer.birthDate },
      });
    }
  }
  throw new Error(`the interview did not end:\n${asked.join("\n---\n")}`);
}

/** The "no" a person gives to whichever no-question is asked (a list's "none", or its verb). */
export function answerNo(labels: string[]): string {
  const no = [
    "ไม่มีเลย",
    "ไม่มี",
    "ไม่ได้รับ",
    "ไม่ได้อยู่",
    "ไม่อยู่",
    "ไม่เกินทั้งสองอย่าง",
    "ไม่เกิน",
  ];
  const found = no.find(label => labels.includes(label));
  if (!found) throw new Error(`no "no" among ${labels.join(", ")}`);
  return found;
}
