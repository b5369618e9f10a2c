import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bangkokDate } from "../../core/src/dates";
import { callApi, grantRole, lineUser } from "../support/accounts";
import { answerNo, ChatUser, visibleText, welfareCheck } from "../support/chat";
import { clearFirestore, testFirestore } from "../support/emulator";
import { oldAgeIncomeTest } from "../support/welfare-drafts";

/**
 * Staff publish a welfare rule without a deploy, through the API: a new criterion (an income
 * test for the old-age allowance from 2027-10-01), a failing example that blocks it, a second
 * admin's approval, and the checker (API and chat) using it from its date with no restart.
 */

const RICH = {
  nationality: "TH",
  age: 72,
  receivesGovernmentPension: false,
  livesInStateCareHome: false,
  annualIncomePerPerson: 150_000,
};
const OVER_LIMIT = "รายได้เฉลี่ย 150,000 บาทต่อคนต่อปี เกินเกณฑ์ 100,000 บาท";

let drafter: { userId: string; idToken: string };
let approver: { userId: string; idToken: string };
let currentOldAge: any;

const as = (who: { idToken: string }) => (path: string, method?: string, body?: unknown) =>
  callApi(path, {
    idToken: who.idToken,
    ...(method && { method }),
    ...(body !== undefined && { body }),
  });

async function check(body: object, asOf: string) {
  const response = await fetch(`${inject("stack").apiUrl}/eligibility`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...body, asOf }),
  });
  const { results } = await response.json();
  return results.find((r: { benefit: string }) => r.benefit === "old_age_allowance");
}

/** Draft, submit and approve by two admins: what a publish takes. */
async function publish(rule: object): Promise<string> {
  const created = await as(drafter)("/admin/welfare-rules", "POST", { rule });
  expect(created.status).toBe(201);
  const id = created.body.version.id;
  expect((await as(drafter)(`/admin/welfare-rules/${id}/submit`, "POST", {})).status).toBe(200);
  expect((await as(approver)(`/admin/welfare-rules/${id}/approve`, "POST", {})).status).toBe(200);
  return id;
}

beforeAll(async () => {
  await clearFirestore();
  drafter = await lineUser("admin-drafter");
  approver = await lineUser("admin-approver");
  await grantRole(drafter.userId, "admin", null);
  await grantRole(approver.userId, "admin", null);
  const listed = await as(drafter)("/admin/welfare-rules");
  expect(listed.status).toBe(200);
  currentOldAge = listed.body.inForce.find((r: any) => r.benefit === "old_age_allowance");
});

// Published versions would change the answers other files expect.
afterAll(clearFirestore);

describe("publishing a welfare rule version through the admin API", () => {
  it("blocks a version whose example fails, needs a second admin, and the checker uses it from its date", async () => {
    const draft = oldAgeIncomeTest(currentOldAge);
    const wrongExample = {
      name: "ผิด: รายได้สูงแต่คาดว่าได้สิทธิ์",
      profile: RICH,
      expect: { status: "eligible", monthlyAmount: 700 },
    };
    const created = await as(drafter)("/admin/welfare-rules", "POST", {
      rule: { ...draft, examples: [...draft.examples, wrongExample] },
    });
    expect(created.status).toBe(201);
    expect(created.body.check.publishable).toBe(false);
    const id = created.body.version.id;

    // The failing example blocks submitting, and says what the version answered.
    const blocked = await as(drafter)(`/admin/welfare-rules/${id}/submit`, "POST", {});
    expect(blocked.status).toBe(422);
    expect(blocked.body.check.examples.find((e: any) => !e.passed)).toMatchObject({
      name: wrongExample.name,
      got: { status: "not_eligible" },
    });
    // Nothing to approve yet, and only the drafter edits.
    expect((await as(approver)(`/admin/welfare-rules/${id}/approve`, "POST", {})).status).toBe(409);
    expect((await as(approver)(`/admin/welfare-rules/${id}`, "PUT", { rule: draft })).status).toBe(
      403,
    );
    expect((await check(RICH, "2027-10-01")).status).toBe("eligible");

    // Side by side: the version in force says 700, the draft says no, for the same person.
    const preview = await as(drafter)("/admin/welfare-rules/preview", "POST", {
      rule: draft,
      profiles: [RICH, { ...RICH, annualIncomePerPerson: 20_000 }],
    });
    expect(preview.status).toBe(200);
    expect(preview.body.rows[0].current).toMatchObject({ status: "eligible", monthlyAmount: 700 });
    expect(preview.body.rows[0].draft.status).toBe("not_eligible");
    expect(preview.body.rows[0].draft.reasons.join(" ")).toContain(OVER_LIMIT);
    expect(preview.body.rows[1].draft).toMatchObject({ status: "eligible", monthlyAmount: 700 });

    // Fixed by the drafter; submitted; the drafter cannot approve it; a second admin does.
    expect((await as(drafter)(`/admin/welfare-rules/${id}`, "PUT", { rule: draft })).status).toBe(
      200,
    );
    expect((await as(drafter)(`/admin/welfare-rules/${id}/submit`, "POST", {})).status).toBe(200);
    const self = await as(drafter)(`/admin/welfare-rules/${id}/approve`, "POST", {});
    expect(self).toMatchObject({ status: 403, body: { code: "same_admin" } });
    const approved = await as(approver)(`/admin/welfare-rules/${id}/approve`, "POST", {});
    expect(approved.status).toBe(200);
    expect(approved.body.version).toMatchObject({
      status: "published",
      draftedBy: drafter.userId,
      approvedBy: approver.userId,
    });

    // In force from its date, at once, with no restart; earlier dates keep the old answer.
    expect(await check(RICH, "2027-09-30")).toMatchObject({
      status: "eligible",
      monthlyAmount: 700,
    });
    const after = await check(RICH, "2027-10-01");
    expect(after.status).toBe("not_eligible");
    expect(after.reasons.join(" ")).toContain(OVER_LIMIT);
    expect(after.source.effective).toBe("2027-10-01");
    const { annualIncomePerPerson: _left, ...noIncome } = RICH;
    expect(await check(noIncome, "2027-10-01")).toMatchObject({
      status: "unknown",
      missing: ["annualIncomePerPerson"],
    });

    const audit = await testFirestore()
      .collection("audit")
      .where("target", "==", `welfareRules/${id}`)
      .get();
    const actions = audit.docs.map(doc => `${doc.get("action")} ${doc.get("actor")}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `draft_welfare_rule ${drafter.userId}`,
        `submit_welfare_rule ${drafter.userId}`,
        `approve_welfare_rule ${approver.userId}`,
      ]),
    );
  });

  it("refuses a malformed version with each problem named, and stores nothing", async () => {
    const bad = await as(drafter)("/admin/welfare-rules", "POST", {
      rule: { ...currentOldAge, effective: "2027-02-30", criteria: [{ field: "age" }] },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.check.issues.map((issue: any) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["effective", "criteria.0.test"]));
    const listed = await as(drafter)("/admin/welfare-rules");
    expect(listed.body.versions.every((v: any) => v.effective !== "2027-02-30")).toBe(true);
  });

  it("the chat's welfare interview uses a version published today, with no restart", async () => {
    const today = bangkokDate(new Date());
    await publish({ ...oldAgeIncomeTest(currentOldAge), effective: today });

    const user = await ChatUser.create("th");
    // The new criterion's field is asked in the chat, as the unknown-fields list names it.
    const { asked, replies } = await welfareCheck(user, "เบี้ยผู้สูงอายุ", (question, labels) =>
      question.includes("รายได้")
        ? { typed: "150000" }
        : question.includes("สัญชาติไทยไหม")
          ? "มี"
          : question.includes("อายุเท่าไร")
            ? "70–79 ปี"
            : answerNo(labels),
    );
    expect(asked.some(q => q.includes("รายได้"))).toBe(true);
    expect(replies.join("\n")).toContain(OVER_LIMIT);
  });
});
