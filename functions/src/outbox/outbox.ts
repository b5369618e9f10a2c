import type { messagingApi } from "@line/bot-sdk";
import { randomUUID } from "node:crypto";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { Collections } from "../repositories/collections";

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
  /** When the urgent channel took the text (once per item: the outbox id is its key). */
  urgentFallbackSentAt?: string | null;
  /** Why the urgent channel could not take it, the last time it was tried. */
  urgentFallbackError?: string | null;
  /** Attempts that ended in LINE's monthly-quota 429; a few of them and the item is failed. */
  quotaHits?: number;
  /** Given up after this many attempts; an admin's retry gives a failed item a fresh budget. */
  maxAttempts?: number;
}

export function outboxRef(db: Firestore, id: string) {
  return db.collection(Collections.outbox).doc(id);
}

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
    urgentFallbackSentAt: null,
    urgentFallbackError: null,
    quotaHits: 0,
  };
  tx.create(outboxRef(db, id), item);
  return id;
}
