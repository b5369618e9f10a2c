/**
 * `npm run bench:tickets`: why tickets are random codes and not a national counter.
 *
 * Against the real Firestore emulator, in one run, many reports are created at once two ways:
 * the design's (a random ticket code, `create()` only) and the baseline a counter would need
 * (a transaction that increments `counters/tickets` then creates the report). Every report
 * must land exactly once either way; the numbers show what the one hot counter costs.
 */
import { initializeApp } from "firebase-admin/app";
import { FieldValue, getFirestore, type Firestore } from "firebase-admin/firestore";
import { newTicketCode } from "@sa/core";
import { spawn } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { firestoreWrapperJar, GCLOUD_FIRESTORE_JAR } from "../firestore-emulator-jar";

const REPORTS = Number(process.env.BENCH_REPORTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(done => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise(done => server.close(done));
  return port;
}

async function run(name: string, db: Firestore, createOne: (i: number) => Promise<void>) {
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REPORTS) {
        const i = next++;
        await createOne(i).catch(() => failures++);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = (await db.collection(`bench-${name}`).count().get()).data().count;
  return {
    approach: name,
    reports: REPORTS,
    concurrency: CONCURRENCY,
    perSecond: +(REPORTS / seconds).toFixed(1),
    failures,
    stored,
  };
}

if (!firestoreWrapperJar(".local") && !process.env.FIRESTORE_EMULATOR_HOST) {
  throw new Error(`needs ${GCLOUD_FIRESTORE_JAR} or a running emulator in FIRESTORE_EMULATOR_HOST`);
}
let emulator: ReturnType<typeof spawn> | undefined;
if (!process.env.FIRESTORE_EMULATOR_HOST) {
  const port = await freePort();
  emulator = spawn(
    "java",
    [
      "-cp",
      GCLOUD_FIRESTORE_JAR,
      "com.google.cloud.datastore.emulator.firestore.CloudFirestore",
      "start",
      `--host=127.0.0.1`,
      `--port=${port}`,
    ],
    { stdio: "ignore" },
  );
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise(done => setTimeout(done, 200));
  }
}
try {
  const db = getFirestore(initializeApp({ projectId: "demo-sa-bench" }));
  const report = (ticket: string) => ({
    ticket,
    category: "homeless",
    createdAt: new Date().toISOString(),
  });
  // As the webhook does: the code is checked unused in the transaction that creates the report,
  // and drawn again on a clash (digit codes: 100,000 a day, so a surge does meet clashes).
  let clashes = 0;
  const random = await run("random", db, async () => {
    await db.runTransaction(async tx => {
      for (let attempt = 1; ; attempt++) {
        const ticket = newTicketCode(new Date());
        const ref = db.collection("bench-random").doc(ticket);
        if (attempt < 5 && (await tx.get(ref)).exists) {
          clashes++;
          continue;
        }
        tx.create(ref, report(ticket));
        return;
      }
    });
  });
  const counter = await run("counter", db, async () => {
    await db.runTransaction(async tx => {
      const ref = db.collection("bench-counters").doc("tickets");
      const current = ((await tx.get(ref)).data()?.value as number | undefined) ?? 0;
      const ticket = String(current + 1).padStart(8, "0");
      tx.set(ref, { value: FieldValue.increment(1) }, { merge: true });
      tx.create(db.collection("bench-counter").doc(ticket), report(ticket));
    });
  });
  console.table([{ ...random, clashes }, counter]);
  console.log(
    `random codes / shared counter throughput: ${(random.perSecond / counter.perSecond).toFixed(1)}x`,
  );
  if (random.stored !== REPORTS) process.exitCode = 1;
} finally {
  emulator?.kill();
}
