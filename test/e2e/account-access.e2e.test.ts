import { Action, encodePostback } from "@sa/bot";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { callApi, grantRole, lineUser, seedCase } from "../support/accounts";
import { ChatUser, visibleText } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";

const db = testFirestore();

async function auditOf(actor: string): Promise<{ action: string; target: string }[]> {
  const snapshot = await db.collection("audit").where("actor", "==", actor).get();
  return snapshot.docs.map(doc => doc.data() as { action: string; target: string });
}

async function freshToken(userId: string): Promise<string> {
  const { inject } = await import("vitest");
  const response = await fetch(`${inject("stack").lineUrl}/sim/users/${userId}/id-token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  return ((await response.json()) as { idToken: string }).idToken;
}

beforeEach(async () => {
  await clearFirestore();
});

describe("disabling a staff or volunteer account", () => {
  it("should refuse a disabled account from its next request, even with a token that already worked", async () => {
    const admin = await lineUser("ผู้ดูแลระบบ");
    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(admin.userId, "admin", null);
    await grantRole(staff.userId, "staff");
    expect((await callApi("/staff/queue", { idToken: staff.idToken })).status).toBe(200);
    const queue = await fetch(`${inject("stack").apiUrl}/staff/queue`, {
      headers: { authorization: `Bearer ${staff.idToken}` },
    });
    expect(queue.headers.get("cache-control")).toBe("private, no-store");

    const disabled = await callApi(`/admin/users/${staff.userId}/disable`, {
      idToken: admin.idToken,
      body: {},
    });
    expect(disabled).toMatchObject({ status: 200, body: { userId: staff.userId, disabled: true } });

    for (const path of ["/me", "/staff/queue", "/cases"]) {
      const refused = await callApi(path, { idToken: staff.idToken });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: "account_disabled",
        message: expect.stringMatching(/disabled/),
      });
    }

    await callApi(`/admin/users/${staff.userId}/enable`, { idToken: admin.idToken, body: {} });
    expect((await callApi("/staff/queue", { idToken: staff.idToken })).status).toBe(200);
    expect(await auditOf(admin.userId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "disable_account", target: `users/${staff.userId}` }),
        expect.objectContaining({ action: "enable_account", target: `users/${staff.userId}` }),
      ]),
    );
  });

  it("should let only an admin disable an account, and never their own", async () => {
    const admin = await lineUser("ผู้ดูแลระบบ");
    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(admin.userId, "admin", null);
    await grantRole(staff.userId, "staff");
    const byStaff = await callApi(`/admin/users/${admin.userId}/disable`, {
      idToken: staff.idToken,
      body: {},
    });
    expect(byStaff.status).toBe(403);
    const self = await callApi(`/admin/users/${admin.userId}/disable`, {
      idToken: admin.idToken,
      body: {},
    });
    expect(self.status).toBe(409);
    const unknown = await callApi(`/admin/users/U${"0".repeat(32)}/disable`, {
      idToken: admin.idToken,
      body: {},
    });
    expect(unknown.status).toBe(404);
    expect((await callApi("/me", { idToken: admin.idToken })).status).toBe(200);
  });

  it("should refuse a disabled staff member's tap on a LINE case button", async () => {
    const staff = await ChatUser.create();
    await grantRole(staff.userId, "staff");
    await db.collection("users").doc(staff.userId).update({ disabled: true });
    const report = await seedCase({ status: "new" });

    await staff.tap(encodePostback(Action.caseAcknowledge, report.ticket));
    await expect
      .poll(async () =>
        (await staff.log())
          .filter(m => m.from === "bot")
          .map(m => visibleText(m.message))
          .join("\n"),
      )
      .toMatch(/ระงับ/);
    const stored = (await db.collection("cases").doc(report.ticket).get()).data();
    expect(stored?.status).toBe("new");
  });
});

describe("staff sign-ins", () => {
  it("should audit each staff sign-in once per ID token, and not a citizen's", async () => {
    const staff = await lineUser("เจ้าหน้าที่");
    const citizen = await lineUser("ประชาชน");
    await grantRole(staff.userId, "staff");
    for (let i = 0; i < 3; i++) {
      expect((await callApi("/me", { idToken: staff.idToken })).status).toBe(200);
    }
    expect((await callApi("/me", { idToken: citizen.idToken })).status).toBe(200);
    expect((await auditOf(staff.userId)).filter(e => e.action === "sign_in")).toHaveLength(1);
    expect(await auditOf(citizen.userId)).toEqual([]);

    // A new token (a new sign-in, issued a second later) is a second entry.
    await new Promise(resolve => setTimeout(resolve, 1_100));
    const again = await freshToken(staff.userId);
    expect((await callApi("/me", { idToken: again })).status).toBe(200);
    expect((await auditOf(staff.userId)).filter(e => e.action === "sign_in")).toHaveLength(2);
  });
});
