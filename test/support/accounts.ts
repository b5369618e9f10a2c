import type { Area, Case } from "@sa/core";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { inject } from "vitest";
import { testFirestore } from "./emulator";

export const CHIANG_MAI_SI_PHUM: Area = {
  provinceCode: "50",
  province: "เชียงใหม่",
  provinceEn: "Chiang Mai",
  districtCode: "5001",
  district: "เมืองเชียงใหม่",
  subDistrictCode: "500101",
  subDistrict: "ศรีภูมิ",
};

async function sim<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${inject("stack").lineUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A LINE user of the stand-in with a fresh LIFF ID token, as the LIFF app would hold. */
export async function lineUser(displayName: string): Promise<{ userId: string; idToken: string }> {
  const { userId } = await sim<{ userId: string }>("/sim/users", { displayName, language: "th" });
  const { idToken } = await sim<{ idToken: string }>(`/sim/users/${userId}/id-token`, {});
  return { userId, idToken };
}

/**
 * Gives a user a role directly in Firestore, as staff approval will. Staff get the explicit
 * scope their area implies: its province, or with no area the national 1300 centre.
 */
export async function grantRole(
  userId: string,
  role: "volunteer" | "staff" | "admin",
  area: Area | null = CHIANG_MAI_SI_PHUM,
  name = role === "volunteer" ? "อพม. ทดสอบ" : "เจ้าหน้าที่ ทดสอบ",
): Promise<void> {
  const scope =
    role !== "staff"
      ? null
      : area
        ? { kind: "province", provinceCode: area.provinceCode }
        : { kind: "national" };
  await testFirestore()
    .collection("users")
    .doc(userId)
    .set({ role, registration: "approved", name, area, scope, language: "th" }, { merge: true });
}

/** A LIFF ID token the stand-in signs with other claims: expired, or for another channel. */
export async function idTokenFor(
  userId: string,
  claims: { expiresInSeconds?: number; aud?: string },
): Promise<string> {
  return (await sim<{ idToken: string }>(`/sim/users/${userId}/id-token`, claims)).idToken;
}

export const BANGKOK_PHRA_NAKHON: Area = {
  provinceCode: "10",
  province: "กรุงเทพมหานคร",
  provinceEn: "Bangkok",
  districtCode: "1001",
  district: "พระนคร",
  subDistrictCode: "100101",
  subDistrict: "พระบรมมหาราชวัง",
};

let ticketSeq = 0;
/** A report as the webhook stores it, optionally assigned to a volunteer. */
export async function seedCase(overrides: Partial<Case> = {}): Promise<Case> {
  const now = new Date(Date.now() - 60_000 * ++ticketSeq).toISOString();
  const report: Case = {
    ticket: `691125-T${String(ticketSeq).padStart(4, "0")}`,
    category: "elderly",
    urgent: false,
    description: "ผู้สูงอายุอยู่คนเดียว ต้องการความช่วยเหลือ",
    location: { point: { latitude: 18.79, longitude: 98.98 }, area: CHIANG_MAI_SI_PHUM },
    photos: [],
    reporter: { lineUserId: "Ureporter", phone: "0812345678", language: "th" },
    consent: { version: "test", givenAt: now, sharePhone: true },
    status: "assigned",
    assignee: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await testFirestore().collection("cases").doc(report.ticket).set(report);
  return report;
}

/**
 * A household visit recorded on a seeded case, with one photo kept where the api keeps visit
 * photos (as POST /cases/:ticket/visits would). Returns the timeline entry's id.
 */
export async function seedVisit(ticket: string, photo: Buffer): Promise<string> {
  const id = `visit-${ticket}`;
  const path = `visit-photos/${ticket}/seeded-0.jpg`;
  const file = join(inject("stack").photoDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, photo);
  await testFirestore()
    .collection("cases")
    .doc(ticket)
    .collection("timeline")
    .doc(id)
    .set({
      id,
      type: "visit",
      at: new Date().toISOString(),
      by: { name: "อพม.", role: "volunteer" },
      data: { photos: [path] },
    });
  return id;
}

/** A call to the api function as the LIFF app makes it. */
export async function callApi(
  path: string,
  options: { idToken?: string; method?: string; body?: unknown } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${inject("stack").apiUrl}${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers: {
      "content-type": "application/json",
      ...(options.idToken && { authorization: `Bearer ${options.idToken}` }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (an image): keep the text
  }
  return { status: response.status, body };
}
