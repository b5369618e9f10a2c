import type { messagingApi } from "@line/bot-sdk";

/** What the stand-in's /sim API answers; the shapes are the stand-in's own (sim-routes.ts). */
export interface SimUserView {
  userId: string;
  displayName: string;
  language: "th" | "en";
  following: boolean;
}

/** What a simulated user sent, as the stand-in logged it (sim-events.ts). */
export interface UserLogMessage {
  type: string;
  id?: string;
  text?: string;
  data?: string;
  displayText?: string;
  params?: Record<string, string>;
  isUnblocked?: boolean;
  stickerId?: string;
  fileName?: string;
  title?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
}

/** Bot messages were validated by the fake against LINE's reference before they were logged. */
export type BotLogMessage = messagingApi.Message;

export type LogEntry =
  | { seq: number; from: "user"; at: string; message: UserLogMessage }
  | { seq: number; from: "bot"; at: string; message: BotLogMessage };

export interface MessagesAnswer {
  messages: LogEntry[];
  loadingUntil: number | null;
}

export interface RichMenuView {
  richMenu: (messagingApi.RichMenuRequest & { richMenuId: string }) | null;
  hasImage: boolean;
  imageUrl: string | null;
}

/** An event a simulated user makes, as POST /sim/users/:id/events takes it. */
export type SimEventInput =
  | { type: "text"; text: string }
  | { type: "follow" | "unfollow" }
  | { type: "sticker"; packageId: string; stickerId: string }
  | { type: "image" | "audio" | "video"; contentBase64: string; contentType: string }
  | {
      type: "location";
      latitude: number;
      longitude: number;
      title?: string;
      address?: string;
    }
  | {
      type: "postback";
      data: string;
      displayText?: string;
      params?: Record<string, string>;
    };

export interface EventAnswer {
  status: number;
  responseBody?: string;
}

export type Action = messagingApi.Action;
