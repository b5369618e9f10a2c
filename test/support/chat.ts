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
