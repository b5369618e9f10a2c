/**
 * `npm run bench:households`: a target-household list of 10,000 rows (BENCH_ROWS) checked and
 * imported through the api function, against a local stack of its own; then the same list again
 * (every row an update). Prints the time of each call; every household must land once.
 */
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { templateCsv } from "@sa/core";
import { postJson, startBenchStack } from "./bench-stack";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const SUB_DISTRICTS = [
  "ศรีภูมิ",
  "พระสิงห์",
  "หายยา",
  "ช้างม่อย",
  "ช้างคลาน",
  "วัดเกต",
  "ช้างเผือก",
  "สุเทพ",
];

function list(rows: number): string {
  const header = templateCsv().split("\r\n")[0];
  const lines = Array.from({ length: rows }, (_, i) =>
    [
      `BENCH-${i + 1}`,
      `${(i % 400) + 1}/${Math.floor(i / 400) + 1}`,
      String((i % 12) + 1),
      SUB_DISTRICTS[i % SUB_DISTRICTS.length],
      "เมืองเชียงใหม่",
      "เชียงใหม่",
      `หัวหน้าครัวเรือน ${i + 1}`,
      String((i % 6) + 1),
      `${(i % 28) + 1}/${(i % 12) + 1}/2568`,
      ...[0, 1, 2, 3, 4].map(k => String((i + k) % 3 === 0 ? 1 : 0)),
      "",
      "",
    ].join(","),
  );
  return [header, ...lines].join("\r\n");
}

async function call(url: string, idToken: string, body: unknown) {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(answer)}`);
  return { seconds: (performance.now() - started) / 1000, answer };
}

const stack = await startBenchStack("households");
try {
  process.env.FIRESTORE_EMULATOR_HOST = stack.firestoreHost;
  const db = getFirestore(getApps()[0] ?? initializeApp({ projectId: stack.projectId }));
  const lineUrl = stack.line.url;
  const { userId } = await postJson<{ userId: string }>(`${lineUrl}/sim/users`, { language: "th" });
  const { idToken } = await postJson<{ idToken: string }>(
    `${lineUrl}/sim/users/${userId}/id-token`,
    {},
  );
  await db
    .collection("users")
    .doc(userId)
    .set({
      role: "staff",
      registration: "approved",
      name: "bench",
      scope: { kind: "province", provinceCode: "50" },
      language: "th",
    });
  const file = { fileName: "bench.csv", content: Buffer.from(list(ROWS)).toString("base64") };
  await call(`${stack.apiUrl}/staff/households/import/preview`, idToken, {
    fileName: "warm.csv",
    content: Buffer.from(list(10)).toString("base64"),
  });

  const preview = await call(`${stack.apiUrl}/staff/households/import/preview`, idToken, file);
  const first = await call(`${stack.apiUrl}/staff/households/import`, idToken, {
    ...file,
    clientId: "bench-first",
  });
  const second = await call(`${stack.apiUrl}/staff/households/import`, idToken, {
    ...file,
    clientId: "bench-again",
  });
  const stored = (await db.collection("households").count().get()).data().count;
  console.table([
    {
      call: "preview (read + check)",
      rows: ROWS,
      seconds: preview.seconds.toFixed(1),
      problems: preview.answer.problemCount,
    },
    {
      call: "import (new)",
      rows: ROWS,
      seconds: first.seconds.toFixed(1),
      created: first.answer.created,
    },
    {
      call: "import again (updates)",
      rows: ROWS,
      seconds: second.seconds.toFixed(1),
      updated: second.answer.updated,
    },
  ]);
  console.log(
    `file: ${(file.content.length / 1e6).toFixed(1)} MB base64; households stored: ${stored} of ${ROWS}`,
  );
  if (stored !== ROWS) process.exitCode = 1;
} finally {
  await stack.stop();
}
