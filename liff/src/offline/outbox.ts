import * as z from "zod/mini";
import { ApiError, isAccountDisabled, isRetryable } from "../api/api-error";
import { ENTRY_KINDS, type EntryKind } from "../api/endpoints";
import { readJson, writeJson } from "../storage/local-json";

export const outboxItemSchema = z.object({
  /** The form's clientId: the server writes an entry once per id, however often it is sent. */
  clientId: z.string(),
  kind: z.enum(ENTRY_KINDS),
  ticket: z.string(),
  body: z.record(z.string(), z.unknown()),
  queuedAt: z.string(),
  attempts: z.int().check(z.minimum(0)),
  nextAttemptAt: z.number(),
  /** Set when the server refused it (400, 403, 404, 409): sending again would not help. */
  refused: z.optional(
    z.object({ status: z.number(), message: z.string(), code: z.optional(z.string()) }),
  ),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export interface NewOutboxItem {
  clientId: string;
  kind: EntryKind;
  ticket: string;
  body: Record<string, unknown>;
}

export interface OutboxOptions {
  storageKey: string;
  send(item: OutboxItem): Promise<void>;
  now?: () => number;
  random?: () => number;
  isOnline?: () => boolean;
}

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 5 * 60_000;
/** navigator.onLine can say "offline" on a flaky link that works: look again now and then. */
const OFFLINE_RECHECK_MS = 30_000;

/**
 * Submissions waiting to reach the server, kept in localStorage so they survive closing
 * LINE. Sent one at a time, oldest first; a failure that may pass (no network, 5xx, 429) is
 * retried with exponential backoff and at once when the phone comes back online.
 */
export class Outbox {
  private items: OutboxItem[];
  private readonly listeners = new Set<() => void>();
  private readonly sentListeners = new Set<(item: OutboxItem) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly isOnline: () => boolean;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.isOnline = options.isOnline ?? (() => navigator.onLine);
    this.items = this.load();
  }

  list(): readonly OutboxItem[] {
    return this.items;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSent(listener: (item: OutboxItem) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** Queues a submission and tries to send it now. False when the phone's storage is full. */
  add(item: NewOutboxItem): boolean {
    // The same form submitted twice (a double tap) is one submission.
    if (this.items.some(existing => existing.clientId === item.clientId)) return true;
    const queued: OutboxItem = {
      ...item,
      queuedAt: new Date(this.now()).toISOString(),
      attempts: 0,
      nextAttemptAt: this.now(),
    };
    const saved = this.save([...this.items, queued]);
    if (saved) void this.flush();
    return saved;
  }

  discard(clientId: string): void {
    this.save(this.items.filter(item => item.clientId !== clientId));
  }

  /** Sends everything waiting now, refused items included (after the person fixed the cause). */
  retryAll(): Promise<void> {
    const now = this.now();
    this.save(
      this.items.map(({ refused: _refused, ...item }) => ({ ...item, nextAttemptAt: now })),
    );
    return this.flush();
  }

  start(): () => void {
    const online = () => void this.retryWaiting();
    // Another tab (or LINE's in-app browser reopened beside an old one) may change the queue.
    const storage = (event: StorageEvent) => {
      if (event.key === this.options.storageKey) this.reload();
    };
    window.addEventListener("online", online);
    window.addEventListener("storage", storage);
    void this.flush();
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("storage", storage);
      clearTimeout(this.timer);
    };
  }

  flush(): Promise<void> {
    // One pass at a time; a call during a pass waits for it, then looks again.
    this.flushing ??= this.sendDue().finally(() => {
      this.flushing = undefined;
      this.schedule();
    });
    return this.flushing;
  }

  private retryWaiting(): Promise<void> {
    const now = this.now();
    this.save(this.items.map(item => (item.refused ? item : { ...item, nextAttemptAt: now })));
    return this.flush();
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      const item = this.items.find(i => !i.refused && i.nextAttemptAt <= this.now());
      if (!item || !this.isOnline()) return;
      try {
        await this.options.send(item);
        this.save(this.items.filter(i => i.clientId !== item.clientId));
        for (const listener of this.sentListeners) listener(item);
      } catch (error) {
        // A disabled account's work is never sent: nothing of it stays on the phone.
        if (isAccountDisabled(error)) {
          this.save([]);
          return;
        }
        this.update(item.clientId, current => this.afterFailure(current, error));
        if (isRetryable(error)) return; // the network is likely down for the rest too
      }
    }
  }

  private afterFailure(item: OutboxItem, error: unknown): OutboxItem {
    const attempts = item.attempts + 1;
    if (error instanceof ApiError && !isRetryable(error) && error.status !== 401) {
      return {
        ...item,
        attempts,
        refused: {
          status: error.status,
          message: error.body.message,
          ...(error.body.code && { code: error.body.code }),
        },
      };
    }
    const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
    // Jitter: many phones coming back online together should not all retry in step.
    const delay = backoff * (0.75 + this.random() * 0.5);
    return { ...item, attempts, nextAttemptAt: this.now() + delay };
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const waiting = this.items.filter(item => !item.refused);
    if (waiting.length === 0) return;
    const next = Math.min(...waiting.map(item => item.nextAttemptAt));
    const delay = this.isOnline() ? Math.max(0, next - this.now()) : OFFLINE_RECHECK_MS;
    this.timer = setTimeout(() => void this.flush(), Math.max(delay, 250));
  }

  private update(clientId: string, change: (item: OutboxItem) => OutboxItem): void {
    this.save(this.items.map(item => (item.clientId === clientId ? change(item) : item)));
  }

  private load(): OutboxItem[] {
    return readJson(this.options.storageKey, z.array(outboxItemSchema)) ?? [];
  }

  private reload(): void {
    this.items = this.load();
    this.emit();
  }

  private save(items: OutboxItem[]): boolean {
    const saved = writeJson(this.options.storageKey, items);
    // Kept in memory even when storage refused, so this session still sends it.
    this.items = items;
    this.emit();
    return saved;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
