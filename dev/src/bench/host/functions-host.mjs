// Serves the bundled functions (functions/lib/index.js) the way Cloud Functions would, but in
// one plain Node process: no Functions emulator, which spawns a worker per request and measures
// itself more than our code. `node functions-host.mjs functions|baseline`, configured by the
// environment the bench gives it (emulator host, LINE stand-in URL, secrets); prints one JSON
// line `{ "port": …, "importMs": … }` once listening.
//
// - functions: the `webhook` and `api` apps under /webhook and /api, with the Firestore
//   triggers (a new report, a new outbox push) run in-process after the commit that created
//   the document, as Cloud Functions would run them shortly after.
// - baseline: the least a webhook can do with the same SDK middleware: per event one document
//   read, one write, and a reply.
//
// Both count their Firestore operations (firestore-meter.mjs): GET /__bench/ops reads them
// once every trigger has finished, POST /__bench/ops/reset clears them.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { counts, installFirestoreMeter, resetCounts } from "./firestore-meter.mjs";

const mode = process.argv[2];
const pending = new Set();
let lib;

function runTrigger(path) {
  const [collection, id, ...rest] = path.split("/");
  if (rest.length > 0 || !lib) return;
  const trigger =
    collection === "cases"
      ? () => lib.onCaseCreated.run({ params: { ticket: id } })
      : collection === "outbox"
        ? () => lib.onOutboxCreated.run({ params: { id } })
        : undefined;
  if (!trigger) return;
  const running = Promise.resolve()
    .then(trigger)
    .catch(error => console.error(`trigger on ${collection} failed:`, String(error)))
    .finally(() => pending.delete(running));
  pending.add(running);
}

installFirestoreMeter(
  mode === "functions" && process.env.BENCH_TRIGGERS !== "0" ? runTrigger : undefined,
);

const { default: express } = await import("express");
const app = express();
// What the Functions framework does before the app sees a request: JSON parsed, raw body kept
// (the LINE signature is checked on the raw bytes).
app.use(
  express.json({
    limit: "10mb",
    verify: (req, _res, buf) => {
      req.rawBody = buf;
    },
  }),
);

if (mode === "functions") {
  // BENCH_FUNCTIONS_LIB: another build of the functions, for a before/after comparison.
  const libPath = process.env.BENCH_FUNCTIONS_LIB
    ? pathToFileURL(process.env.BENCH_FUNCTIONS_LIB)
    : new URL("../../../../functions/lib/index.js", import.meta.url);
  lib = await import(libPath.href);
  app.use("/webhook", (req, res) => lib.webhook(req, res));
  app.use("/api", (req, res) => lib.api(req, res));
} else if (mode === "baseline") {
  const [{ middleware, messagingApi }, { initializeApp }, { getFirestore }] = await Promise.all([
    import("@line/bot-sdk"),
    import("firebase-admin/app"),
    import("firebase-admin/firestore"),
  ]);
  const db = getFirestore(initializeApp());
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN,
    baseURL: process.env.LINE_API_BASE_URL,
  });
  app.post(
    "/webhook",
    middleware({ channelSecret: process.env.LINE_CHANNEL_SECRET }),
    async (req, res) => {
      for (const event of req.body.events) {
        const userId = event.source?.userId ?? "anonymous";
        const user = await db.collection("baselineUsers").doc(userId).get();
        await db
          .collection("baselineEvents")
          .doc(event.webhookEventId)
          .set({ userId, type: event.type, seen: user.exists });
        if (event.replyToken)
          await client.replyMessage({
            replyToken: event.replyToken,
            messages: [{ type: "text", text: "ok" }],
          });
      }
      res.status(200).json({});
    },
  );
} else {
  console.error("usage: functions-host.mjs functions|baseline");
  process.exit(2);
}
const importMs = performance.now();

app.get("/__bench/ops", async (_req, res) => {
  while (pending.size > 0) await Promise.all([...pending]);
  res.json(counts);
});
app.post("/__bench/ops/reset", async (_req, res) => {
  while (pending.size > 0) await Promise.all([...pending]);
  resetCounts();
  res.json(counts);
});

const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port, importMs }));
});
