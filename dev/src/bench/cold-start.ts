import type { RunningLinePlatform } from "../line-platform";
import { postJson } from "./bench-stack";
import { startHost } from "./bench-processes";

export interface ColdStart {
  /** From spawning Node to the functions (or the baseline) being imported. */
  importMs: number;
  /** From spawning Node to the first reply reaching the stand-in. */
  firstReplyMs: number;
  /** The first request alone: from its POST to its reply. */
  firstRequestMs: number;
}

/**
 * A fresh Node process serving the functions (or the bare express + SDK baseline) and its first
 * webhook event: a new user tapping "report" on the rich menu, the usual first request.
 */
export async function coldStart(
  mode: "functions" | "baseline",
  env: NodeJS.ProcessEnv,
  line: RunningLinePlatform,
): Promise<ColdStart> {
  const spawned = Date.now();
  const host = await startHost(mode, { ...env, BENCH_TRIGGERS: "0" });
  try {
    line.setWebhookUrl(`${host.url}/webhook`);
    const { userId } = await postJson<{ userId: string }>(`${line.url}/sim/users`, {
      language: "th",
    });
    const sentAt = Date.now();
    const result = await postJson<{ status: number }>(`${line.url}/sim/users/${userId}/events`, {
      type: "postback",
      data: "a=menu.report",
    });
    const { messages } = (await (
      await fetch(`${line.url}/sim/users/${userId}/messages`)
    ).json()) as {
      messages: { from: string; via: string; at: string }[];
    };
    const replies = messages.filter(m => m.from === "bot" && m.via === "reply");
    if (result.status !== 200 || replies.length === 0)
      throw new Error(`${mode}: the first event got no reply (${result.status})`);
    const repliedAt = Math.max(...replies.map(m => Date.parse(m.at)));
    return {
      importMs: host.importMs,
      firstReplyMs: repliedAt - spawned,
      firstRequestMs: repliedAt - sentAt,
    };
  } finally {
    await host.stop();
  }
}
