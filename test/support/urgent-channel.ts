import { inject } from "vitest";

export interface UrgentMessage {
  id: string;
  to: string;
  text: string;
  key: string;
}

/** What the SMS/voice stand-in was asked to send to a phone (E.164), each key once. */
export async function urgentMessages(to: string): Promise<UrgentMessage[]> {
  const url = `${inject("stack").smsUrl}/__control/messages?to=${encodeURIComponent(to)}`;
  const { messages } = (await (await fetch(url)).json()) as { messages: UrgentMessage[] };
  return messages;
}

/** Forgets what was sent and any injected failure, between tests. */
export async function resetUrgentChannel(): Promise<void> {
  const { smsUrl } = inject("stack");
  await fetch(`${smsUrl}/__control/messages`, { method: "DELETE" });
  await fetch(`${smsUrl}/__control/faults`, { method: "DELETE" });
}
