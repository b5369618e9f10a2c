import type { messagingApi } from "@line/bot-sdk";
import type { Firestore } from "firebase-admin/firestore";
import type { RaiseAlert } from "../alerts/alerts";
import type { UrgentChannel } from "../alerts/urgent-channel";
import type { PushOutcome } from "../line/line-platform";
import { listDuePushIds, updatePushIfPresent } from "../repositories/outbox";
import { outboxRef, type OutboxItem } from "./outbox";

/** A LINE outage of hours loses nothing: about 8 hours of retries before giving up. */
export const MAX_ATTEMPTS = 20;
/**
 * How long a claim holds an item. Longer than everything one attempt may take (the push's own
 * timeout, PUSH_TIMEOUT_MS, plus the urgent channel's), so no second sender pushes it meanwhile.
 */
export const LEASE_MS = 60_000;
/** LINE's monthly quota does not come back in minutes: wait an hour between tries... */
export const QUOTA_BACKOFF_MS = 60 * 60_000;
/** ...and give up at the third, leaving the item for an admin to retry once it is raised. */
export const MAX_QUOTA_HITS = 3;
/** SMS providers split long texts into many paid parts; the alert's summary is short anyway. */
const URGENT_TEXT_MAX = 500;

/** 30 s, 1 min, 2 min, ... capped at 30 min between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

export interface DeliveryDeps {
  db: Firestore;
  push: (to: string, messages: OutboxItem["messages"], retryKey: string) => Promise<PushOutcome>;
  now: () => Date;
  log: (message: string, fields?: Record<string, unknown>) => void;
  alert: RaiseAlert;
  /** SMS/voice for urgent items that LINE did not take. */
  urgent: UrgentChannel;
  /** The recipient's phone in E.164, or null when none is on file. */
  phoneOf: (userId: string) => Promise<string | null>;
}

/**
 * What became of one try: the item's new status; "skipped" when it was not due or someone
 * else held it; "cancelled" when it was deleted while being sent (a citizen's erasure
 * deletes their pending pushes): nothing is written back, so it stays deleted and no sweep
 * sees it again.
 */
export type DeliveryResult = OutboxItem["status"] | "skipped" | "cancelled";

/**
 * Tries one outbox item once, if it is due and nobody else holds it. Safe to call from the
 * creation trigger and the sweep at the same time: the claim is a transaction, and the retry
 * key makes LINE refuse (409) a second copy of a push it already accepted.
 */
export async function deliver(deps: DeliveryDeps, id: string): Promise<DeliveryResult> {
  const { db } = deps;
  const ref = outboxRef(db, id);
  const claimed = await db.runTransaction(async tx => {
    const item = (await tx.get(ref)).data() as OutboxItem | undefined;
    const now = deps.now().getTime();
    if (!item || item.status !== "pending" || item.nextAttemptAt > now || item.leaseUntil > now)
      return undefined;
    tx.update(ref, { leaseUntil: now + LEASE_MS, attempts: item.attempts + 1 });
    return { ...item, attempts: item.attempts + 1 };
  });
  if (!claimed) return "skipped";
  if (claimed.via === "second_channel") return deliverBySecondChannel(deps, id, claimed);

  const outcome = await deps.push(claimed.to, claimed.messages, claimed.retryKey);
  if (outcome.kind === "sent" || outcome.kind === "already_sent") {
    const present = await record(deps, id, claimed, {
      status: "sent",
      sentAt: deps.now().toISOString(),
      leaseUntil: 0,
      lastError: null,
    });
    return present ? "sent" : "cancelled";
  }

  const quotaHits = (claimed.quotaHits ?? 0) + (outcome.kind === "quota" ? 1 : 0);
  // A 4xx other than 401/403/429 will not change by trying again (unknown user, bad message).
  const giveUp =
    outcome.kind === "rejected" ||
    (outcome.kind === "quota" && quotaHits >= MAX_QUOTA_HITS) ||
    claimed.attempts >= (claimed.maxAttempts ?? MAX_ATTEMPTS);
  const wait = Math.max(
    outcome.kind === "quota" ? QUOTA_BACKOFF_MS : backoffMs(claimed.attempts),
    outcome.kind === "rejected" ? 0 : (outcome.retryAfterMs ?? 0),
  );
  // The claim is still held, so the fallback goes once even if the sweep runs meanwhile.
  const fallback =
    claimed.urgent && !claimed.urgentFallbackSentAt ? await urgentFallback(deps, id, claimed) : {};
  const now = deps.now();
  const present = await record(deps, id, claimed, {
    status: giveUp ? "failed" : "pending",
    lastError: outcome.error,
    leaseUntil: 0,
    nextAttemptAt: now.getTime() + wait,
    quotaHits,
    ...fallback,
  });
  if (!present) return "cancelled";

  const fields = {
    outboxId: id,
    reason: claimed.reason,
    attempts: claimed.attempts,
    error: outcome.error,
  };
  if (outcome.kind === "quota") {
    deps.alert("line_quota_exhausted", "LINE monthly message quota exhausted", fields);
  } else if (outcome.kind === "retry" && outcome.cause === "auth") {
    deps.alert("line_auth_failed", "LINE refused the channel access token", fields);
  }
  if (giveUp) deps.alert("push_failed_for_good", "push failed for good", fields);
  else deps.log("push will be retried", { ...fields, retryInMs: wait });
  return giveUp ? "failed" : "pending";
}

/**
 * An item meant for SMS/voice only. Sent once (the outbox id is the provider's key); a person
 * with no phone on file, or no provider configured, fails for good (logged as an alert); a
 * provider error is retried with the usual backoff.
 */
async function deliverBySecondChannel(
  deps: DeliveryDeps,
  id: string,
  item: OutboxItem,
): Promise<DeliveryResult> {
  const result = await urgentFallback(deps, id, item);
  const now = deps.now();
  if (result.urgentFallbackSentAt) {
    const present = await record(deps, id, item, {
      ...result,
      status: "sent",
      sentAt: now.toISOString(),
      leaseUntil: 0,
    });
    return present ? "sent" : "cancelled";
  }
  const error = result.urgentFallbackError ?? "urgent channel is off";
  const giveUp =
    !deps.urgent.enabled ||
    error === NO_PHONE ||
    item.attempts >= (item.maxAttempts ?? MAX_ATTEMPTS);
  const present = await record(deps, id, item, {
    ...result,
    status: giveUp ? "failed" : "pending",
    lastError: error,
    leaseUntil: 0,
    nextAttemptAt: now.getTime() + backoffMs(item.attempts),
  });
  if (!present) return "cancelled";
  return giveUp ? "failed" : "pending";
}

/** Writes how the attempt went; false (and logged, ids only) when the item was deleted meanwhile. */
async function record(
  deps: DeliveryDeps,
  id: string,
  item: OutboxItem,
  fields: Partial<OutboxItem>,
): Promise<boolean> {
  const present = await updatePushIfPresent(deps.db, id, fields);
  if (!present) deps.log("push cancelled while being sent", { outboxId: id, reason: item.reason });
  return present;
}

const NO_PHONE = "no phone on file";

/** Sends an urgent item's text by SMS/voice once; what to record on the item about it. */
async function urgentFallback(
  deps: DeliveryDeps,
  id: string,
  item: OutboxItem,
): Promise<Pick<OutboxItem, "urgentFallbackSentAt" | "urgentFallbackError">> {
  const fields = { outboxId: id, reason: item.reason };
  if (!deps.urgent.enabled) {
    deps.log("urgent channel is off: urgent push goes through LINE only", fields);
    return {};
  }
  const phone = await deps.phoneOf(item.to);
  if (!phone) {
    const error = NO_PHONE;
    deps.alert("urgent_fallback_failed", "urgent alert could not go by SMS/voice", {
      ...fields,
      error,
    });
    return { urgentFallbackError: error };
  }
  const result = await deps.urgent.send({ to: phone, text: urgentText(item.messages), key: id });
  if (result.kind === "sent") {
    deps.alert("urgent_fallback_sent", "urgent alert sent by SMS/voice", fields);
    return { urgentFallbackSentAt: deps.now().toISOString(), urgentFallbackError: null };
  }
  const error = result.kind === "off" ? "urgent channel is off" : result.error;
  deps.alert("urgent_fallback_failed", "urgent alert could not go by SMS/voice", {
    ...fields,
    error,
  });
  return { urgentFallbackError: error };
}

/**
 * What a person reads of the push: its texts, a rich message's alternative text, and the
 * first link it opens (the case in the LIFF app), so the SMS leads to the same place.
 */
export function urgentText(messages: messagingApi.Message[]): string {
  const parts = messages.map(message => {
    if (message.type === "text") return message.text;
    if ("altText" in message && typeof message.altText === "string") return message.altText;
    return "";
  });
  const link = firstUri(messages);
  if (link) parts.push(link);
  return parts.filter(Boolean).join("\n").slice(0, URGENT_TEXT_MAX);
}

function firstUri(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = firstUri(child);
      if (found) return found;
    }
  } else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (record.type === "uri" && typeof record.uri === "string") return record.uri;
    return firstUri(Object.values(record));
  }
  return undefined;
}

/** The sweep: every pending item whose time has come. */
export async function deliverDue(deps: DeliveryDeps, limit = 200): Promise<number> {
  const ids = await listDuePushIds(deps.db, deps.now().getTime(), limit);
  const results = await Promise.all(ids.map(id => deliver(deps, id)));
  return results.filter(r => r === "sent").length;
}
