/**
 * The second channel for urgent alerts: SMS or a voice call through a provider the ministry
 * contracts. A port, so the outbox does not care which provider; the adapter below speaks a
 * small JSON API that a provider (or a thin bridge in front of one) implements.
 */
export interface UrgentChannel {
  /** False when no provider is configured: urgent alerts then go through LINE only. */
  readonly enabled: boolean;
  /**
   * Sends one text to one phone. `key` makes it idempotent: the provider sends a key once,
   * however often it is asked.
   */
  send(message: UrgentMessage): Promise<UrgentOutcome>;
}

export interface UrgentMessage {
  /** E.164, e.g. "+66812345678". */
  to: string;
  text: string;
  key: string;
}

export type UrgentOutcome =
  | { kind: "sent"; providerId: string | null }
  | { kind: "off" }
  | { kind: "failed"; error: string };

/** A provider call that has not answered in this long is abandoned (and tried again later). */
export const URGENT_TIMEOUT_MS = 10_000;

/**
 * The HTTP adapter. Request (documented for the provider, see docs/ARCHITECTURE.md):
 *
 *     POST <URGENT_CHANNEL_URL>
 *     Authorization: Bearer <URGENT_CHANNEL_API_KEY>
 *     Idempotency-Key: <key>
 *     Content-Type: application/json
 *     {"to": "+66812345678", "text": "...", "idempotencyKey": "<key>"}
 *
 * 2xx (optionally `{"id": "..."}`) is sent; 409 means that key was already sent, also sent;
 * anything else, or no answer in time, is failed.
 */
export function httpUrgentChannel(config: {
  url: string;
  apiKey: string;
  timeoutMs?: number;
}): UrgentChannel {
  if (!config.url) return urgentChannelOff();
  const timeoutMs = config.timeoutMs ?? URGENT_TIMEOUT_MS;
  return {
    enabled: true,
    async send(message) {
      try {
        const response = await fetch(config.url, {
          method: "POST",
          headers: {
            authorization: `Bearer ${config.apiKey}`,
            "idempotency-key": message.key,
            "content-type": "application/json",
          },
          body: JSON.stringify({ to: message.to, text: message.text, idempotencyKey: message.key }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        if (response.ok || response.status === 409) {
          let providerId: string | null = null;
          try {
            const body = JSON.parse(text) as { id?: unknown };
            if (typeof body.id === "string") providerId = body.id;
          } catch {
            // no JSON body: sent all the same
          }
          return { kind: "sent", providerId };
        }
        // Only the status: a provider's error text may repeat the number or the text.
        return { kind: "failed", error: `provider answered ${response.status}` };
      } catch (error) {
        const name = error instanceof Error ? error.name : "error";
        return {
          kind: "failed",
          error: name === "TimeoutError" ? `no answer in ${timeoutMs} ms` : `no answer (${name})`,
        };
      }
    },
  };
}

export function urgentChannelOff(): UrgentChannel {
  return { enabled: false, send: async () => ({ kind: "off" }) };
}
