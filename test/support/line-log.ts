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

export async function injectFaults(path: string, status: number, count: number): Promise<void> {
  await fetch(`${inject("stack").lineUrl}/__control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path, status, count }),
  });
}
