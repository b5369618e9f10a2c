import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  BANGKOK_PHRA_NAKHON,
  CHIANG_MAI_SI_PHUM,
  callApi,
  idTokenFor,
  lineUser,
  seedCase,
  seedVisit,
} from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";
import { householdVisit, seededHousehold } from "../support/households";
import { M4A_START } from "../support/media-files";
import { CALLERS, ROUTE_RULES, type Caller, type RouteRule } from "../support/route-roles";
import { warmUpFunctions } from "../support/warm-up";

/**
 * Every API route × every kind of caller, against the running stack, from the one table in
 * test/support/route-roles.ts (which docs/SECURITY.md shows). Each call gets a fresh case and
 * freshly reset accounts, so no call depends on another.
 */

const db = testFirestore();
const PHOTO = "report-photos/Uroute-roles/photo.jpg";
const VOICE = "report-photos/Uroute-roles/voice.m4a";
const HOUSEHOLD_CSV =
  "รหัสครัวเรือน,บ้านเลขที่,หมู่ที่,ตำบล,จังหวัด,หัวหน้าครัวเรือน\nRR-1,1,1,ศรีภูมิ,เชียงใหม่,นางหนึ่ง\n";
const HOUSEHOLD = "50-RR-1";

interface Person {
  userId: string;
  idToken: string;
}
const people = {} as Record<Caller, Person | undefined>;
const tokens = {} as Record<Caller, string | undefined>;

/** Each signed-in caller's user document, as it is reset before every call. */
function accountOf(caller: Caller): Record<string, unknown> | undefined {
  const staff = (scope: unknown, area: unknown) => ({
    role: "staff",
    registration: "approved",
    name: caller,
    area,
    scope,
    language: "th",
  });
  const volunteer = (registration: string) => ({
    role: "volunteer",
    registration,
    name: caller,
    phone: "0812345678",
    volunteerNumber: "CM-0001",
    area: CHIANG_MAI_SI_PHUM,
    language: "th",
  });
  switch (caller) {
    case "citizen":
      return { role: "citizen", language: "th" };
    case "pendingVolunteer":
      return volunteer("pending");
    case "assignedVolunteer":
    case "otherVolunteer":
      return volunteer("approved");
    case "provinceStaff":
      return staff({ kind: "province", provinceCode: "50" }, CHIANG_MAI_SI_PHUM);
    case "otherProvinceStaff":
      return staff({ kind: "province", provinceCode: "10" }, BANGKOK_PHRA_NAKHON);
    case "nationalStaff":
      return staff({ kind: "national" }, null);
    case "admin":
      return { role: "admin", registration: "approved", name: "admin", language: "th" };
    default:
      return undefined;
  }
}

async function resetAccounts(): Promise<void> {
  const batch = db.batch();
  for (const caller of CALLERS) {
    const account = accountOf(caller);
    const person = people[caller];
    if (account && person) batch.set(db.collection("users").doc(person.userId), account);
  }
  await batch.commit();
}

function bodyFor(rule: RouteRule, n: number): unknown {
  const clientId = `route-roles-${n}`;
  const path = rule.path;
  if (path === "/volunteers/registration")
    return {
      name: "สมศรี ใจดี",
      phone: "0812345678",
      subDistrictCode: "500101",
      volunteerNumber: "CM-0001",
    };
  if (path === "/staff/households/import/preview" || path === "/staff/households/import")
    return {
      ...(path.endsWith("/import") && { clientId }),
      fileName: "list.csv",
      content: Buffer.from(HOUSEHOLD_CSV).toString("base64"),
    };
  if (path === "/staff/households/assign")
    return { subDistrictCode: "500101", volunteerUserId: people.assignedVolunteer!.userId };
  if (path.endsWith("/visits") && path.startsWith("/households/")) return householdVisit(clientId);
  if (path.endsWith("/visits"))
    return {
      clientId,
      visitedAt: "2026-11-25T09:00:00+07:00",
      nextStep: { kind: "none", reason: "ได้รับความช่วยเหลือครบแล้ว" },
      members: [{ age: 70, sex: "male", disability: false, chronicIllness: false }],
      housing: "stable",
      monthlyIncome: 0,
      needs: {
        health: { level: "none" },
        living: { level: "none" },
        education: { level: "none" },
        income: { level: "none" },
        access: { level: "none" },
      },
    };
  if (path.endsWith("/assistance"))
    return { clientId, date: "2026-11-25", type: "survival_bag", amount: 0, agency: "อบต." };
  if (path.endsWith("/referrals")) return { clientId, agency: "hospital", reason: "พบแพทย์" };
  if (path.endsWith("/status")) return { clientId, status: "needs_staff" };
  if (path.endsWith("/assign"))
    return { clientId, volunteerUserId: people.assignedVolunteer!.userId };
  if (path.endsWith("/staff-status")) return { clientId, status: "resolved" };
  if (/\/(reject|suspend)$/.test(path)) return { reason: "ไม่ผ่านการอบรม" };
  if (rule.method === "GET") return undefined;
  if (path === "/staff/duty") return { shifts: [] };
  if (path.startsWith("/admin/routing/")) return { staff: [] };
  if (rule.method === "POST") return {};
  return undefined;
}

beforeAll(async () => {
  await warmUpFunctions();
  await clearFirestore();
  for (const caller of CALLERS) {
    if (!accountOf(caller)) continue;
    const user = await lineUser(caller);
    people[caller] = user;
    tokens[caller] = user.idToken;
  }
  const someone = people.citizen!.userId;
  tokens.expiredToken = await idTokenFor(someone, { expiresInSeconds: -60 });
  tokens.otherChannelToken = await idTokenFor(someone, { aud: "1999999999" });
  tokens.noToken = undefined;
  const file = join(inject("stack").photoDir, PHOTO);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from("not really a jpeg"));
  writeFileSync(join(inject("stack").photoDir, VOICE), M4A_START);
});

let n = 0;
describe.each(ROUTE_RULES)("$method $path", rule => {
  it.each(CALLERS)("should answer %s as the table says", async caller => {
    await resetAccounts();
    const report = await seedCase({
      status: "assigned",
      assignee: { userId: people.assignedVolunteer!.userId, name: "assignedVolunteer" },
      photos: [PHOTO],
      media: [{ path: VOICE, kind: "audio", durationMs: 42_000 }],
    });
    await db
      .collection("households")
      .doc(HOUSEHOLD)
      .set(
        seededHousehold(HOUSEHOLD, {
          userId: people.assignedVolunteer!.userId,
          name: "assignedVolunteer",
        }),
      );
    const visit = rule.path.includes(":visit")
      ? await seedVisit(report.ticket, Buffer.from("not really a jpeg"))
      : "";
    const path = rule.path
      .replace(":visit", visit)
      .replace(":household", HOUSEHOLD)
      .replace(":ticket", report.ticket)
      .replace(":pendingVolunteer", people.pendingVolunteer!.userId);
    const body = bodyFor(rule, ++n);
    const response = await callApi(path, {
      method: rule.method,
      ...(tokens[caller] && { idToken: tokens[caller] }),
      ...(body !== undefined && { body }),
    });
    expect({ caller, status: response.status }).toEqual({ caller, status: rule.expect[caller] });
  });
});
