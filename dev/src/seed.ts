import { initializeApp, deleteApp } from "firebase-admin/app";
import { FieldValue, getFirestore, type Firestore } from "firebase-admin/firestore";
import { dutyRosterSchema, provinceOfHelpPoint, type Area, type DutyShift } from "@sa/core";
import { demoHelpPoints } from "./demo-help-points";

const CHIANG_MAI: Area = {
  provinceCode: "50",
  province: "เชียงใหม่",
  provinceEn: "Chiang Mai",
  districtCode: "5001",
  district: "เมืองเชียงใหม่",
  subDistrictCode: "500101",
  subDistrict: "ศรีภูมิ",
};

/** Demo people for `npm start`: fixed LINE ids, so the chat page and the LIFF picker know them. */
export const DEMO_USERS = [
  {
    userId: "U00000000000000000000000000000001",
    displayName: "เจ้าหน้าที่ พมจ.เชียงใหม่ (staff)",
    account: {
      role: "staff",
      registration: "approved",
      name: "เจ้าหน้าที่ พมจ.เชียงใหม่",
      area: { provinceCode: "50", province: "เชียงใหม่", provinceEn: "Chiang Mai" },
      scope: { kind: "province", provinceCode: "50" },
    },
  },
  {
    userId: "U00000000000000000000000000000002",
    displayName: "อพม. สมศรี (volunteer)",
    account: {
      role: "volunteer",
      registration: "approved",
      name: "สมศรี ใจดี",
      phone: "0812345678",
      volunteerNumber: "CM-0001",
      area: CHIANG_MAI,
    },
  },
  {
    userId: "U00000000000000000000000000000003",
    displayName: "ศูนย์ช่วยเหลือสังคม 1300 (staff)",
    account: {
      role: "staff",
      registration: "approved",
      name: "ศูนย์ช่วยเหลือสังคม 1300",
      area: null,
      scope: { kind: "national" },
    },
  },
  {
    userId: "U00000000000000000000000000000004",
    displayName: "หัวหน้าเวร พมจ.เชียงใหม่ (staff)",
    account: {
      role: "staff",
      registration: "approved",
      name: "หัวหน้าเวร พมจ.เชียงใหม่",
      area: { provinceCode: "50", province: "เชียงใหม่", provinceEn: "Chiang Mai" },
      scope: { kind: "province", provinceCode: "50" },
    },
  },
] as const;

/** On duty every day, all day ("00:00" to "00:00"). */
const aroundTheClock = (userId: string, backupUserId: string | null = null): DutyShift => ({
  days: [],
  from: "00:00",
  to: "00:00",
  userId,
  backupUserId,
});

/** The demo people in the LINE stand-in, so the chat page and the LIFF picker know them. */
export async function seedSimUsers(lineUrl: string): Promise<void> {
  for (const user of DEMO_USERS) {
    const response = await fetch(`${lineUrl}/sim/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: user.userId, displayName: user.displayName, language: "th" }),
    });
    if (!response.ok) throw new Error(`the LINE stand-in refused a demo user: ${response.status}`);
  }
}

/**
 * The demo province in Firestore: its people, routing so that Chiang Mai reports reach the
 * provincial staff and the rest reach the 1300 centre, and duty rosters: the Chiang Mai staff
 * member on duty around the clock with the head of duty as backup, and the 1300 centre on
 * duty nationally; and Chiang Mai's (demo) help points. Idempotent: running it again leaves the same documents.
 */
export async function seedFirestore(db: Firestore): Promise<number> {
  const batch = db.batch();
  for (const user of DEMO_USERS) {
    batch.set(
      db.collection("users").doc(user.userId),
      { ...user.account, language: "th" },
      { merge: true },
    );
  }
  const [staff, , centre, head] = DEMO_USERS;
  batch.set(db.collection("routing").doc("50"), {
    staff: [{ userId: staff.userId }],
    escalation: [centre.userId],
  });
  batch.set(db.collection("routing").doc("national"), { staff: [{ userId: centre.userId }] });
  const rosters = {
    "50": [aroundTheClock(staff.userId, head.userId)],
    national: [aroundTheClock(centre.userId)],
  };
  for (const [id, shifts] of Object.entries(rosters)) {
    batch.set(db.collection("duty").doc(id), {
      ...dutyRosterSchema.parse({ shifts }),
      updatedAt: FieldValue.serverTimestamp(),
      updatedBy: "seed",
    });
  }
  for (const point of demoHelpPoints()) {
    batch.set(db.collection("helpPoints").doc(point.id), {
      ...point,
      provinceCode: provinceOfHelpPoint(point),
      updatedAt: FieldValue.serverTimestamp(),
      updatedBy: "seed",
    });
  }
  const written = await batch.commit();
  return written.length;
}

/** Seeds the local stack: the stand-in's users and the emulator's documents. */
export async function seedDemo(options: {
  lineUrl: string;
  firestoreHost: string;
  projectId: string;
}) {
  await seedSimUsers(options.lineUrl);
  process.env.FIRESTORE_EMULATOR_HOST = options.firestoreHost;
  const app = initializeApp({ projectId: options.projectId }, "seed");
  try {
    await seedFirestore(getFirestore(app));
  } finally {
    await deleteApp(app);
  }
}
