/**
 * `npm run bench:danger`: how long from a citizen's danger tap to the push on the phone of the
 * person on duty, on the local stack — the whole way: signed webhook, the conversation's
 * transaction, the routing trigger, the outbox trigger, the LINE stand-in.
 *
 * Compared in the same run with the same way for an ordinary report (from the final "confirm"
 * tap to the staff push), because machines here are shared and noisy: the danger path must be
 * no slower than the ordinary one, although it starts six steps earlier.
 */
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { postJson, startBenchStack } from "./bench-stack";

const RUNS = Number(process.env.BENCH_RUNS ?? 8);

const ORDINARY_BEFORE_CONFIRM: Record<string, unknown>[] = [
  { type: "postback", data: "a=menu.report" },
  { type: "postback", data: "a=category&v=elderly" },
  { type: "text", text: "คุณยายอยู่บ้านคนเดียว ไม่มีคนดูแล" },
  { type: "text", text: "ต.ศรีภูมิ อ.เมืองเชียงใหม่ จ.เชียงใหม่" },
  { type: "postback", data: "a=photos.done" },
  { type: "postback", data: "a=phone.none" },
];

async function pushesTo(lineUrl: string, userId: string): Promise<number> {
  const response = await fetch(`${lineUrl}/sim/users/${userId}/messages`);
  const { messages } = (await response.json()) as { messages: { from: string; via: string }[] };
  return messages.filter(m => m.from === "bot" && m.via === "push").length;
}

/** Milliseconds from just before `last` is sent to the next push reaching `staff`. */
async function timeToPush(
  lineUrl: string,
  staff: string,
  before: Record<string, unknown>[],
  last: Record<string, unknown>,
): Promise<number> {
  const { userId } = await postJson<{ userId: string }>(`${lineUrl}/sim/users`, { language: "th" });
  const send = (event: Record<string, unknown>) =>
    postJson(`${lineUrl}/sim/users/${userId}/events`, event);
  for (const event of before) await send(event);
  const seen = await pushesTo(lineUrl, staff);
  const started = performance.now();
  await send(last);
  while ((await pushesTo(lineUrl, staff)) <= seen) {
    if (performance.now() - started > 60_000) throw new Error("no push within a minute");
    await new Promise(done => setTimeout(done, 20));
  }
  return performance.now() - started;
}

function summary(name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!);
  return { path: name, runs: sorted.length, medianMs: at(0.5), p90Ms: at(0.9), maxMs: at(1) };
}

const stack = await startBenchStack("bench-danger");
try {
  const lineUrl = stack.line.url;
  process.env.FIRESTORE_EMULATOR_HOST = stack.firestoreHost;
  const db = getFirestore(getApps()[0] ?? initializeApp({ projectId: stack.projectId }));
  // One staff member on duty around the clock, who also takes Chiang Mai's ordinary reports.
  const { userId: staff } = await postJson<{ userId: string }>(`${lineUrl}/sim/users`, {
    displayName: "เวร",
    language: "th",
  });
  await db.collection("users").doc(staff).set({
    role: "staff",
    registration: "approved",
    name: "เวร",
    language: "th",
    area: null,
  });
  await db
    .collection("routing")
    .doc("national")
    .set({ staff: [{ userId: staff }] });
  await db
    .collection("routing")
    .doc("50")
    .set({ staff: [{ userId: staff }] });
  await db
    .collection("duty")
    .doc("national")
    .set({
      shifts: [{ days: [], from: "00:00", to: "00:00", userId: staff, backupUserId: null }],
    });

  const danger = { type: "postback", data: "a=urgent" };
  const confirm = { type: "postback", data: "a=confirm" };
  // Warm the function workers on both paths first: a cold start is measured elsewhere.
  await timeToPush(lineUrl, staff, [], danger);
  await timeToPush(lineUrl, staff, ORDINARY_BEFORE_CONFIRM, confirm);

  const dangerSamples: number[] = [];
  const ordinarySamples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    dangerSamples.push(await timeToPush(lineUrl, staff, [], danger));
    ordinarySamples.push(await timeToPush(lineUrl, staff, ORDINARY_BEFORE_CONFIRM, confirm));
  }
  const rows = [
    summary("danger tap → on-duty push", dangerSamples),
    summary("ordinary confirm → staff push (baseline)", ordinarySamples),
  ];
  console.table(rows);
  console.log(
    `danger/baseline median: ${(rows[0]!.medianMs / rows[1]!.medianMs).toFixed(2)}x ` +
      "(the danger path starts six steps earlier and must be no slower)",
  );
} finally {
  await stack.stop();
}
