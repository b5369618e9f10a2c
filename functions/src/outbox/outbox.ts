import type { messagingApi } from "@line/bot-sdk";
import { compareIso, type OutboxEntry } from "@sa/core";
import { randomUUID } from "node:crypto";
import { Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { listTroubledPushDocs, outboxRef } from "../repositories/outbox";

export { outboxRef };

export type OutboxStatus = "pending" | "sent" | "failed";

/** A LINE push waiting to go, going, or gone: `outbox/{id}`. */
export interface OutboxItem {
  to: string;
  messages: messagingApi.Message[];
  /** Sent as X-Line-Retry-Key on every attempt: LINE accepts a key once (409 after). */
  retryKey: string;
  /** Why it was sent, for staff reading the outbox: "report.new", "case.acknowledged", ... */
  reason: string;
  /** The case it is about, if any. */
  ticket: string | null;
  status: OutboxStatus;
  attempts: number;
  /** Epoch ms: not tried again before this; not claimed by two senders at once before leaseUntil. */
  nextAttemptAt: number;
  leaseUntil: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /**
   * An alert that must reach a person: when a push attempt does not succeed, the text also
   * goes once by SMS/voice to the recipient's phone (the urgent channel). Absent on old items.
   */
  urgent?: boolean;
  /**
   * "second_channel": SMS/voice only, no LINE push — an urgent case nobody took in time is
   * sent that way to the people on duty (their LINE may be silent). Absent means LINE.
   */
  via?: "line" | "second_channel";
  /** When the urgent channel took the text (once per item: the outbox id is its key). */
  urgentFallbackSentAt?: string | null;
  /** Why the urgent channel could not take it, the last time it was tried. */
  urgentFallbackError?: string | null;
  /** Attempts that ended in LINE's monthly-quota 429; a few of them and the item is failed. */
  quotaHits?: number;
  /** Given up after this many attempts; an admin's retry gives a failed item a fresh budget. */
  maxAttempts?: number;
  /**
   * When Firestore's TTL policy deletes the item (`fieldOverrides` in firestore.indexes.json):
   * a push holds personal words, and a month is long enough to look into one that failed.
   * Absent on items from before retention existed.
   */
  purgeAt?: Timestamp;
}

/** Outbox items, sent or not, are deleted this long after they were queued. */
export const OUTBOX_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Queues a push in the caller's transaction, so the message exists exactly when the change
 * that causes it does; a trigger delivers it right after commit, the sweep retries it.
 */
export function enqueuePush(
  tx: Transaction,
  db: Firestore,
  push: {
    to: string;
    messages: messagingApi.Message[];
    reason: string;
    ticket?: string;
    /** Also send by SMS/voice if LINE does not take it (see OutboxItem.urgent). */
    urgent?: boolean;
    /** SMS/voice only (see OutboxItem.via). */
    via?: OutboxItem["via"];
  },
  now: Date,
): string {
  const id = randomUUID();
  const item: OutboxItem = {
    to: push.to,
    messages: push.messages,
    retryKey: randomUUID(),
    reason: push.reason,
    ticket: push.ticket ?? null,
    status: "pending",
    attempts: 0,
    nextAttemptAt: now.getTime(),
    leaseUntil: 0,
    lastError: null,
    createdAt: now.toISOString(),
    sentAt: null,
    urgent: push.urgent ?? false,
    via: push.via ?? "line",
    urgentFallbackSentAt: null,
    urgentFallbackError: null,
    quotaHits: 0,
    purgeAt: Timestamp.fromMillis(now.getTime() + OUTBOX_KEEP_MS),
  };
  tx.create(outboxRef(db, id), item);
  return id;
}

/** Pending this long, or after this many attempts, and an item is worth an admin's look. */
export const LONG_PENDING_MS = 15 * 60_000;
export const LONG_PENDING_ATTEMPTS = 3;
const LIST_LIMIT = 100;

/** An item for the admin page: how it went, never its text or recipient. */
export function outboxEntry(id: string, item: OutboxItem): OutboxEntry {
  return {
    id,
    status: item.status,
    reason: item.reason,
    ticket: item.ticket,
    attempts: item.attempts,
    lastError: item.lastError,
    createdAt: item.createdAt,
    nextAttemptAt: item.status === "pending" ? new Date(item.nextAttemptAt).toISOString() : null,
    urgent: item.urgent ?? false,
    urgentFallbackSentAt: item.urgentFallbackSentAt ?? null,
  };
}

/**
 * Pushes that need a person: failed ones, and pending ones tried 3 times or waiting over
 * 15 minutes; newest first. Three equality-and-range queries (indexes in
 * firestore.indexes.json), merged.
 */
export async function troubledPushes(db: Firestore, now: Date): Promise<OutboxEntry[]> {
  const docs = await listTroubledPushDocs(db, {
    minAttempts: LONG_PENDING_ATTEMPTS,
    createdBefore: new Date(now.getTime() - LONG_PENDING_MS).toISOString(),
    limit: LIST_LIMIT,
  });
  const byId = new Map<string, OutboxEntry>();
  for (const doc of docs) {
    byId.set(doc.id, outboxEntry(doc.id, doc.data() as OutboxItem));
  }
  return [...byId.values()].sort((a, b) => compareIso(b.createdAt, a.createdAt));
}

export type RetryResult =
  | { kind: "queued"; entry: OutboxEntry }
  | { kind: "missing" }
  | { kind: "sent" };

/**
 * An admin's "send again": a failed item goes back to pending, due now, with a fresh budget
 * of attempts; a pending one becomes due now. The retry key stays, so if LINE did take an
 * earlier attempt it answers 409 and the message is not shown twice.
 */
export async function retryPushNow(db: Firestore, id: string, now: Date): Promise<RetryResult> {
  const ref = outboxRef(db, id);
  return db.runTransaction(async tx => {
    const item = (await tx.get(ref)).data() as OutboxItem | undefined;
    if (!item) return { kind: "missing" };
    if (item.status === "sent") return { kind: "sent" };
    const update: Partial<OutboxItem> = {
      status: "pending",
      nextAttemptAt: now.getTime(),
      ...(item.status === "failed" && {
        maxAttempts: item.attempts + MAX_ATTEMPTS_AFTER_RETRY,
        quotaHits: 0,
      }),
    };
    tx.update(ref, update);
    return { kind: "queued", entry: outboxEntry(id, { ...item, ...update }) };
  });
}

/** A failed item that an admin sends again gets this many more attempts. */
export const MAX_ATTEMPTS_AFTER_RETRY = 20;
