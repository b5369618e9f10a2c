/**
 * `npm run bench`: a surge of citizens filing reports at once, against the local stack.
 *
 * Speed is compared, not asserted: the same machine runs a baseline (one citizen at a time)
 * and a surge (many at once) in one run, and prints both. With no hot document (random ticket
 * codes, one session document per user) the surge's throughput should be a multiple of the
 * baseline's, limited by this machine's cores, not by contention; every report must land once.
 */
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { postJson, startBenchStack } from "./bench-stack";

const SURGE_USERS = Number(process.env.BENCH_USERS ?? 24);
const BASELINE_USERS = Number(process.env.BENCH_BASELINE_USERS ?? 6);

const STEPS: Record<string, unknown>[] = [
  { type: "postback", data: "a=menu.report" },
  { type: "postback", data: "a=category&v=homeless" },
  { type: "text", text: "มีคนไร้บ้านนอนอยู่ใต้สะพานหลายคน อากาศหนาวมาก" },
  { type: "text", text: "ต.ศรีภูมิ อ.เมืองเชียงใหม่ จ.เชียงใหม่" },
  { type: "postback", data: "a=photos.done" },
  { type: "postback", data: "a=phone.none" },
  { type: "postback", data: "a=confirm" },
];

async function citizenFilesReport(lineUrl: string): Promise<number> {
  const { userId } = await postJson<{ userId: string }>(`${lineUrl}/sim/users`, { language: "th" });
  const started = performance.now();
  for (const step of STEPS) {
    const result = await postJson<{ status: number }>(
      `${lineUrl}/sim/users/${userId}/events`,
      step,
    );
    if (result.status !== 200) throw new Error(`webhook answered ${result.status}`);
  }
  return performance.now() - started;
}

async function round(lineUrl: string, users: number, concurrency: number) {
  const started = performance.now();
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < users) {
        next++;
        latencies.push(await citizenFilesReport(lineUrl));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    users,
    concurrency,
    reportsPerSecond: users / seconds,
    p50ms: latencies[Math.floor(latencies.length / 2)]!,
    p95ms: latencies[Math.floor(latencies.length * 0.95)]!,
  };
}

const stack = await startBenchStack("bench");
try {
  await round(stack.line.url, 2, 1); // warm the function workers
  const baseline = await round(stack.line.url, BASELINE_USERS, 1);
  const surge = await round(stack.line.url, SURGE_USERS, SURGE_USERS);
  process.env.FIRESTORE_EMULATOR_HOST = stack.firestoreHost;
  const app = getApps()[0] ?? initializeApp({ projectId: stack.projectId });
  const reports = await getFirestore(app).collection("reports").count().get();
  const expected = 2 + BASELINE_USERS + SURGE_USERS;
  console.table([baseline, surge]);
  console.log(
    `surge/baseline throughput: ${(surge.reportsPerSecond / baseline.reportsPerSecond).toFixed(2)}x; ` +
      `reports stored: ${reports.data().count} of ${expected}`,
  );
  if (reports.data().count !== expected) process.exitCode = 1;
} finally {
  await stack.stop();
}
