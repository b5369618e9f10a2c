import { readFileSync } from "node:fs";
import { postJson } from "./bench-stack";

/** One chat event as the stand-in's simulator takes it. */
type SimEvent = Record<string, unknown>;

/** What simulated citizens do, event by event (the same journeys `report.e2e` walks). */
export const JOURNEYS: Record<"report" | "status" | "welfare", SimEvent[]> = {
  report: [
    { type: "postback", data: "a=menu.report" },
    { type: "postback", data: "a=category&v=homeless" },
    { type: "text", text: "มีคนไร้บ้านนอนอยู่ใต้สะพานหลายคน อากาศหนาวมาก" },
    { type: "text", text: "ต.ศรีภูมิ อ.เมืองเชียงใหม่ จ.เชียงใหม่" },
    { type: "postback", data: "a=photos.done" },
    { type: "postback", data: "a=phone.none" },
    { type: "postback", data: "a=consent&v=full" },
    { type: "postback", data: "a=confirm" },
  ],
  status: [{ type: "postback", data: "a=menu.track" }],
  welfare: [
    { type: "postback", data: "a=menu.welfare" },
    { type: "postback", data: "a=welfare.answer&v=elderly" },
    { type: "postback", data: "a=welfare.answer&v=yes" },
    { type: "text", text: "85" },
    { type: "postback", data: "a=welfare.answer&v=no" },
    { type: "postback", data: "a=welfare.answer&v=no" },
  ],
};

/** A mix like a surge's: most people report, some check a status or their benefits. */
const MIX: (keyof typeof JOURNEYS)[][] = [["report", "status"], ["report"], ["welfare"]];

interface LogEntry {
  seq: number;
  from: "user" | "bot";
  via: string;
  at: string;
}

export interface LoadResult {
  concurrency: number;
  journeys: number;
  events: number;
  eventsPerSecond: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  /** Events the webhook did not answer 200, or that got no reply at the stand-in. */
  lost: number;
  /** The host process's CPU over the round, in cores (1 = one core busy all the time). */
  hostCpuCores: number;
  /** The whole machine's CPU over the round, as a share of all its cores. */
  machineCpuShare: number;
  /** Users whose journeys completed, by journey kind, to check the stored records against. */
  completed: { userId: string; kind: keyof typeof JOURNEYS }[];
}

/** User+system CPU seconds of a process so far, from /proc (Linux). */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Busy and total jiffies of the whole machine so far. */
function machineJiffies(): { busy: number; total: number } {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const numbers = values.map(Number);
  const total = numbers.reduce((a, b) => a + b, 0);
  const idle = numbers[3]! + (numbers[4] ?? 0);
  return { busy: total - idle, total };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * `concurrency` simulated users at a time, `journeys` in all, each a new LINE user walking one
 * journey of the mix. Latency per event: from the POST of the event to the last reply message
 * reaching the stand-in (its log's timestamp; same clock, this process).
 */
export async function runLoad(
  lineUrl: string,
  hostPid: number,
  concurrency: number,
  journeys: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const completed: LoadResult["completed"] = [];
  let lost = 0;
  let next = 0;
  const cpuBefore = processCpuSeconds(hostPid);
  const machineBefore = machineJiffies();
  const started = performance.now();

  async function walk(kinds: (keyof typeof JOURNEYS)[]) {
    const { userId } = await postJson<{ userId: string }>(`${lineUrl}/sim/users`, {
      language: "th",
    });
    let seen = 0;
    for (const kind of kinds) {
      let ok = true;
      for (const event of JOURNEYS[kind]) {
        const sentAt = Date.now();
        const result = await postJson<{ status: number }>(
          `${lineUrl}/sim/users/${userId}/events`,
          event,
        ).catch(() => ({ status: 0 }));
        const log = await fetch(`${lineUrl}/sim/users/${userId}/messages?after=${seen}`).then(
          r => r.json() as Promise<{ messages: LogEntry[] }>,
        );
        const replies = log.messages.filter(m => m.from === "bot" && m.via === "reply");
        seen = Math.max(seen, ...log.messages.map(m => m.seq));
        if (result.status !== 200 || replies.length === 0) {
          lost++;
          ok = false;
          continue;
        }
        latencies.push(Math.max(...replies.map(m => Date.parse(m.at))) - sentAt);
      }
      if (ok) completed.push({ userId, kind });
    }
  }

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < journeys) await walk(MIX[next++ % MIX.length]!);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const machineAfter = machineJiffies();
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    journeys,
    events: latencies.length + lost,
    eventsPerSecond: latencies.length / seconds,
    p50ms: percentile(latencies, 0.5),
    p95ms: percentile(latencies, 0.95),
    p99ms: percentile(latencies, 0.99),
    lost,
    hostCpuCores: (processCpuSeconds(hostPid) - cpuBefore) / seconds,
    machineCpuShare:
      (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total),
    completed,
  };
}
