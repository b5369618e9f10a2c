import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import type { Area, Case } from "@sa/core";
import { postJson } from "./bench-stack";
import type { FirestoreEmulator, HostProcess } from "./bench-processes";
import { JOURNEYS } from "./webhook-load";

export interface OpCounts {
  reads: number;
  writes: number;
  queries: number;
  aggregations: number;
  writesTo: Record<string, number>;
}

const CHIANG_MAI: Area = {
  provinceCode: "50",
  province: "เชียงใหม่",
  provinceEn: "Chiang Mai",
  districtCode: "5001",
  district: "เมืองเชียงใหม่",
  subDistrictCode: "500101",
  subDistrict: "ศรีภูมิ",
};
const CATEGORIES = ["elderly", "children_youth", "domestic_violence", "disability", "homeless"];
const STATUSES = ["new", "acknowledged", "assigned", "in_progress", "resolved", "closed"];

function benchDb(firestore: FirestoreEmulator): Firestore {
  process.env.FIRESTORE_EMULATOR_HOST = firestore.host;
  const app = getApps()[0] ?? initializeApp({ projectId: firestore.projectId });
  return getFirestore(app);
}

/**
 * Cases of one province spread over statuses, categories and the last eight weeks, as the
 * webhook stores them; the first ten go to the volunteer. Written in batches.
 */
export async function seedCases(
  firestore: FirestoreEmulator,
  from: number,
  to: number,
  volunteer: { userId: string; name: string },
): Promise<void> {
  const db = benchDb(firestore);
  const now = Date.now();
  for (let start = from; start < to; start += 500) {
    const batch = db.batch();
    for (let i = start; i < Math.min(to, start + 500); i++) {
      const createdAt = new Date(now - (i % 56) * 86_400_000 - i * 1000).toISOString();
      const status = STATUSES[i % STATUSES.length]!;
      const report: Case = {
        ticket: `690101-B${String(i).padStart(5, "0")}`,
        category: CATEGORIES[i % CATEGORIES.length] as Case["category"],
        urgent: i % 10 === 0,
        description: "ผู้สูงอายุอยู่คนเดียว ต้องการความช่วยเหลือ",
        location: { point: { latitude: 18.79, longitude: 98.98 }, area: CHIANG_MAI },
        photos: [],
        reporter: { lineUserId: `Ubench${i}`, phone: "0812345678", language: "th" },
        consent: { version: "bench", givenAt: createdAt, sharePhone: true },
        status: status as Case["status"],
        assignee: i < 10 ? volunteer : null,
        createdAt,
        updatedAt: createdAt,
      };
      batch.set(db.collection("cases").doc(report.ticket), report);
    }
    await batch.commit();
  }
}

/** A staff member of the province and a volunteer, signed up as the approval flows leave them. */
export async function seedPeople(
  firestore: FirestoreEmulator,
  staffId: string,
  volunteerId: string,
): Promise<void> {
  const db = benchDb(firestore);
  await db
    .collection("users")
    .doc(staffId)
    .set({
      role: "staff",
      registration: "approved",
      name: "เจ้าหน้าที่ ทดสอบ",
      area: CHIANG_MAI,
      scope: { kind: "province", provinceCode: "50" },
      language: "th",
    });
  await db.collection("users").doc(volunteerId).set({
    role: "volunteer",
    registration: "approved",
    name: "อพม. ทดสอบ",
    area: CHIANG_MAI,
    scope: null,
    language: "th",
  });
}

/** The Firestore operations one flow costs, triggers included, read from the host's meter. */
export async function opsOf(host: HostProcess, flow: () => Promise<void>): Promise<OpCounts> {
  await fetch(`${host.url}/__bench/ops/reset`, { method: "POST" });
  await flow();
  const counts = (await (await fetch(`${host.url}/__bench/ops`)).json()) as OpCounts;
  return {
    reads: counts.reads,
    writes: counts.writes,
    queries: counts.queries,
    aggregations: counts.aggregations,
    writesTo: counts.writesTo,
  };
}

/** A chat journey of a simulated user; throws when an event is not answered. */
export async function chat(lineUrl: string, userId: string, kind: keyof typeof JOURNEYS) {
  for (const event of JOURNEYS[kind]) {
    const result = await postJson<{ status: number }>(
      `${lineUrl}/sim/users/${userId}/events`,
      event,
    );
    if (result.status !== 200) throw new Error(`${kind}: the webhook answered ${result.status}`);
  }
}

/** A LIFF API call as the app makes it, with the user's ID token from the stand-in. */
export async function apiGet(host: HostProcess, lineUrl: string, userId: string, path: string) {
  const { idToken } = await postJson<{ idToken: string }>(
    `${lineUrl}/sim/users/${userId}/id-token`,
    {},
  );
  const response = await fetch(`${host.url}/api${path}`, {
    headers: { authorization: `Bearer ${idToken}` },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
}
