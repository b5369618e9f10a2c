import { newMessageId, newQuoteToken, newReplyToken, newStatelessToken, newUserId } from "./ids";
import type { ResolvedOptions } from "./options";

export type JsonObject = Record<string, unknown>;

export interface SimUser {
  userId: string;
  displayName: string;
  language: "th" | "en";
  pictureUrl?: string;
  statusMessage?: string;
  /** False after an unfollow event: the user has blocked the account. */
  following: boolean;
  /** Set once the user has blocked the account, so a later follow is an unblock. */
  hasBlocked: boolean;
  /** Pushes and replies LINE accepted but never showed because the user had blocked us. */
  undelivered: number;
  loadingUntil: number | null;
  createdAt: string;
}

export interface LogEntry {
  seq: number;
  from: "user" | "bot";
  via: "reply" | "push" | "webhook";
  at: string;
  message: JsonObject;
}

export interface SentMessage {
  id: string;
  quoteToken: string;
}

interface ReplyTokenRecord {
  userId: string;
  issuedAt: number;
  used: boolean;
}

interface AcceptedRetry {
  requestId: string;
  sentMessages: SentMessage[];
  acceptedAt: number;
}

export interface Fault {
  path: string;
  /** An error status; 0 drops the connection; 200 only delays the real answer (`delayMs`). */
  status: number;
  remaining: number;
  message?: string;
  /** Carry out the call (record it, accept its retry key) and then answer with the fault. */
  acceptFirst: boolean;
  /** Sent as the Retry-After header (seconds or an HTTP date), as a proxy or LINE might. */
  retryAfter?: string;
  /** Hold the answer this long first: a slow LINE. */
  delayMs?: number;
}

export interface StoredContent {
  contentType: string;
  data: Buffer;
  /**
   * Audio and video only: how many more preparation checks answer "processing" (LINE prepares
   * such content after the webhook; the content itself answers 202 until then), and whether
   * the preparation ends in "failed".
   */
  preparingChecks?: number;
  preparationFails?: boolean;
}

export interface RichMenuRecord {
  richMenuId: string;
  menu: JsonObject;
  image?: StoredContent;
}

const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** Stateless channel access tokens live 15 minutes. */
export const STATELESS_TOKEN_TTL_S = 900;

/** Everything the stand-in remembers; in memory only, gone when the process stops. */
export class PlatformState {
  readonly users = new Map<string, SimUser>();
  private readonly logs = new Map<string, LogEntry[]>();
  private seq = 0;
  private readonly replyTokens = new Map<string, ReplyTokenRecord>();
  private readonly retryKeys = new Map<string, AcceptedRetry>();
  faults: Fault[] = [];
  readonly contents = new Map<string, StoredContent>();
  readonly richMenus = new Map<string, RichMenuRecord>();
  defaultRichMenuId: string | null = null;
  readonly userRichMenus = new Map<string, string>();
  /** Rich menu alias id → rich menu id. */
  readonly richMenuAliases = new Map<string, string>();
  /** Events already delivered, by webhookEventId, so a redelivery can resend the same one. */
  readonly deliveredEvents = new Map<string, JsonObject>();
  /** Stateless channel access tokens issued and not revoked by a rotation: expiry, epoch ms. */
  private readonly issuedTokens = new Map<string, number>();
  /** How many stateless tokens were ever issued, for tests to see a fresh one was asked for. */
  tokensIssued = 0;

  constructor(readonly options: ResolvedOptions) {}

  createUser(input: {
    userId?: string;
    displayName?: string;
    language?: "th" | "en";
    pictureUrl?: string;
    statusMessage?: string;
    following?: boolean;
  }): SimUser {
    const user: SimUser = {
      userId: input.userId ?? newUserId(),
      displayName: input.displayName ?? `ผู้ใช้ทดสอบ ${this.users.size + 1}`,
      language: input.language ?? "th",
      following: input.following ?? true,
      hasBlocked: false,
      undelivered: 0,
      loadingUntil: null,
      createdAt: new Date().toISOString(),
    };
    if (input.pictureUrl !== undefined) user.pictureUrl = input.pictureUrl;
    if (input.statusMessage !== undefined) user.statusMessage = input.statusMessage;
    this.users.set(user.userId, user);
    this.logs.set(user.userId, []);
    return user;
  }

  record(userId: string, from: LogEntry["from"], via: LogEntry["via"], message: JsonObject): void {
    const entry: LogEntry = {
      seq: ++this.seq,
      from,
      via,
      at: new Date().toISOString(),
      message,
    };
    const log = this.logs.get(userId);
    if (log) log.push(entry);
    // LINE hides the loading animation as soon as a message from the account arrives.
    const user = this.users.get(userId);
    if (user && from === "bot") user.loadingUntil = null;
  }

  messagesAfter(userId: string, after: number): LogEntry[] {
    return (this.logs.get(userId) ?? []).filter(entry => entry.seq > after);
  }

  /**
   * Delivers bot messages to a user. A user who blocked the account gets nothing, yet LINE still
   * answers 200, so the caller cannot tell; we only count them.
   */
  deliver(userId: string, via: "reply" | "push", messages: JsonObject[]): SentMessage[] {
    const sent = messages.map(() => ({ id: newMessageId(), quoteToken: newQuoteToken() }));
    const user = this.users.get(userId);
    if (!user) return sent;
    if (!user.following) {
      user.undelivered += messages.length;
      return sent;
    }
    messages.forEach((message, i) =>
      this.record(userId, "bot", via, { ...message, id: sent[i]?.id }),
    );
    return sent;
  }

  issueReplyToken(userId: string): string {
    const token = newReplyToken();
    this.replyTokens.set(token, { userId, issuedAt: Date.now(), used: false });
    return token;
  }

  /** Returns the user the token was issued for, marking it used; null when LINE would refuse it. */
  useReplyToken(token: string): string | null {
    const record = this.replyTokens.get(token);
    if (!record || record.used) return null;
    if (Date.now() - record.issuedAt > this.options.replyTokenTtlMs) return null;
    record.used = true;
    return record.userId;
  }

  acceptedRetry(key: string): AcceptedRetry | undefined {
    const accepted = this.retryKeys.get(key.toLowerCase());
    if (accepted && Date.now() - accepted.acceptedAt > RETRY_KEY_TTL_MS) {
      this.retryKeys.delete(key.toLowerCase());
      return undefined;
    }
    return accepted;
  }

  acceptRetry(key: string, requestId: string, sentMessages: SentMessage[]): void {
    this.retryKeys.set(key.toLowerCase(), { requestId, sentMessages, acceptedAt: Date.now() });
  }

  issueStatelessToken(): { token: string; expiresInSeconds: number } {
    const token = newStatelessToken();
    this.issuedTokens.set(token, Date.now() + STATELESS_TOKEN_TTL_S * 1000);
    this.tokensIssued += 1;
    return { token, expiresInSeconds: STATELESS_TOKEN_TTL_S };
  }

  /** The long-lived token, or a stateless one issued here that has not expired. */
  acceptsToken(token: string): boolean {
    if (token === this.options.channelAccessToken) return true;
    const expiresAt = this.issuedTokens.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.issuedTokens.delete(token);
    return false;
  }

  /**
   * A rotation, as after a leaked secret: every issued token stops working, and the long-lived
   * token is replaced when a new one is given.
   */
  rotateTokens(options: { issued: boolean; longLived?: string }): number {
    const revoked = options.issued ? this.issuedTokens.size : 0;
    if (options.issued) this.issuedTokens.clear();
    if (options.longLived !== undefined) this.options.channelAccessToken = options.longLived;
    return revoked;
  }

  /** Takes one pending fault for this path, if any. */
  takeFault(path: string): Fault | undefined {
    const fault = this.faults.find(f => f.remaining > 0 && faultMatches(f.path, path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.faults = this.faults.filter(f => f.remaining > 0);
    return fault;
  }

  richMenuFor(userId: string | undefined): RichMenuRecord | undefined {
    const linked = userId ? this.userRichMenus.get(userId) : undefined;
    const id = linked && this.richMenus.has(linked) ? linked : this.defaultRichMenuId;
    return id ? this.richMenus.get(id) : undefined;
  }
}

function faultMatches(pattern: string, path: string): boolean {
  if (pattern.endsWith("*")) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}
