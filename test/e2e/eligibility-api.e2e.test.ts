import { describe, expect, inject, it } from "vitest";
import { answerNo, ChatUser, visibleText, welfareCheck } from "../support/chat";

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${inject("stack").apiUrl}/eligibility`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /eligibility on the api function", () => {
  it("should assess a 72-year-old Thai disability card holder for every benefit, in Thai by default", async () => {
    const response = await post({
      asOf: "2026-11-25",
      age: 72,
      nationality: "TH",
      hasDisabilityCard: true,
      hasStateWelfareCard: false,
      receivesGovernmentPension: false,
      livesInStateCareHome: false,
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.asOf).toBe("2026-11-25");
    const byId = Object.fromEntries(body.results.map((r: { benefit: string }) => [r.benefit, r]));
    expect(byId.old_age_allowance).toMatchObject({ status: "eligible", monthlyAmount: 700 });
    expect(byId.disability_allowance).toMatchObject({ status: "eligible", monthlyAmount: 800 });
    expect(byId.child_support_grant).toMatchObject({ status: "unknown", missing: ["children"] });
    expect(byId.old_age_allowance.reasons.join(" ")).toMatch(/[ก-๙]/);
    expect(byId.old_age_allowance.source.effective).toBe("2011-10-01");
  });

  it("should answer in English when asked to", async () => {
    const response = await post(
      { age: 65, nationality: "TH" },
      { "accept-language": "en-US,en;q=0.9" },
    );
    const body = await response.json();
    expect(response.headers.get("content-language")).toBe("en");
    expect(body.results[0].reasons.join(" ")).not.toMatch(/[ก-๙]/);
  });

  it("should name each bad field in a 400", async () => {
    const response = await post({
      age: -3,
      nationality: "Thai",
      children: [{ birthDate: "2022-02-30" }],
      hasDisabiltyCard: true,
    });
    expect(response.status).toBe(400);
    const fields = (await response.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(["age", "nationality", "children[0].birthDate", "hasDisabiltyCard"]),
    );
  });

  it("should refuse a body that is not JSON with a 400", async () => {
    const response = await post("{not json");
    expect(response.status).toBe(400);
  });

  it("should give the same verdicts in the chat as in the API for the same person", async () => {
    const user = await ChatUser.create("th");
    const { replies } = await welfareCheck(user, "เบี้ยผู้สูงอายุ", (question, labels) =>
      question.includes("สัญชาติไทยไหม")
        ? "มี"
        : question.includes("อายุเท่าไร")
          ? "80–89 ปี"
          : answerNo(labels),
    );
    const said = replies.join("\n");

    const api = await (
      await post({
        age: 85,
        nationality: "TH",
        receivesGovernmentPension: false,
        livesInStateCareHome: false,
      })
    ).json();
    const oldAge = api.results.find((r: { benefit: string }) => r.benefit === "old_age_allowance");
    expect(oldAge).toMatchObject({ status: "eligible", monthlyAmount: 800 });
    expect(said).toContain("เดือนละ 800 บาท");
    for (const reason of oldAge.reasons) expect(said).toContain(reason);
  });
});
