import { inject } from "vitest";
import type { LoggedMessage } from "./chat";

/** What a LINE user has received so far (replies and pushes), from the stand-in's log. */
export async function received(userId: string): Promise<LoggedMessage[]> {
  const response = await fetch(`${inject("stack").lineUrl}/sim/users/${userId}/messages`);
  const { messages } = (await response.json()) as { messages: LoggedMessage[] };
  return messages.filter(m => m.from === "bot");
}

/** Waits for a condition that triggers make true shortly after a write. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise(done => setTimeout(done, 200));
  }
}

/** Runs the scheduled sweep once, the way the emulator exposes a scheduled function. */
export async function runSweep(): Promise<void> {
  const response = await fetch(`${inject("stack").functionsBaseUrl}/sweep-0`, { method: "POST" });
  if (!response.ok) throw new Error(`sweep failed: ${response.status} ${await response.text()}`);
}

/** What else a fault of the stand-in can do (see dev/src/line-platform/sim-routes.ts). */
export interface FaultOptions {
  /** Which 429: LINE's monthly-quota body or its rate-limit body. */
  limit?: "monthly" | "rate";
  retryAfter?: string;
  acceptFirst?: boolean;
  delayMs?: number;
}

export async function injectFaults(
  path: string,
  status: number,
  count: number,
  options: FaultOptions = {},
): Promise<void> {
  const response = await fetch(`${inject("stack").lineUrl}/__control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path, status, count, ...options }),
  });
  if (!response.ok) throw new Error(`injecting a fault failed: ${await response.text()}`);
}

/**
 * Rotates the channel's tokens at the stand-in, as after a leak: every stateless token issued
 * so far stops working, and the long-lived one too when a new one is given. Returns how many
 * were revoked and how many tokens the stand-in has issued in all.
 */
export async function rotateLineTokens(
  options: { issued?: boolean; longLived?: string } = {},
): Promise<{ revoked: number; issued: number }> {
  const response = await fetch(`${inject("stack").lineUrl}/__control/tokens/rotate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ issued: true, ...options }),
  });
  return (await response.json()) as { revoked: number; issued: number };
}

/** How many stateless channel access tokens the stand-in has issued so far. */
export async function tokensIssued(): Promise<number> {
  const response = await fetch(`${inject("stack").lineUrl}/__control/tokens`);
  return ((await response.json()) as { issued: number }).issued;
}
