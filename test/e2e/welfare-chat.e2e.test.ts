import { beforeEach, describe, expect, it } from "vitest";
import { ChatUser, welfareCheck, type WelfareAnswer } from "../support/chat";
import { clearFirestore } from "../support/emulator";

beforeEach(async () => {
  await clearFirestore();
});

/** "ทุกสิทธิ์" by buttons only: every question must offer "ไม่ทราบ", and there are at most 6. */
async function checkAllBenefits(user: ChatUser, pick: (question: string) => WelfareAnswer) {
  await user.send({ type: "follow" });
  await user.newReplies();
  const result = await welfareCheck(user, "ทุกสิทธิ์", pick, { everyQuestionOffers: "ไม่ทราบ" });
  expect(result.asked.length, result.asked.join("\n---\n")).toBeLessThanOrEqual(6);
  return result;
}

describe("the welfare check in the chat, on the running stack", () => {
  it("should tell a 72-year-old living alone every likely benefit after at most 6 taps, none typed", async () => {
    const user = await ChatUser.create("th");
    const { asked, replies } = await checkAllBenefits(user, question =>
      question.includes("ข้อไหนตรงกับท่าน")
        ? "ไม่มีเลย"
        : question.includes("อายุเท่าไร")
          ? "70–79 ปี"
          : question.includes("เด็ก")
            ? "ไม่มี"
            : question.includes("เงินออม")
              ? "ไม่เกินทั้งสองอย่าง"
              : "ไม่มี",
    );
    expect(asked.length).toBeLessThanOrEqual(6);
    // Grandparents bring up young children too: the question is asked at any age.
    expect(asked.some(q => q.includes("อายุต่ำกว่า 6 ปี"))).toBe(true);
    const [summary, cards] = replies;
    expect(summary).toContain("น่าจะมีสิทธิ์");
    expect(summary).toContain("เบี้ยยังชีพผู้สูงอายุ เดือนละ 700 บาท");
    expect(summary).toContain("บัตรสวัสดิการแห่งรัฐ");
    expect(cards).toContain("น่าจะมีสิทธิ์");
    expect(cards).toContain("สอบถามสายด่วน 1300");
  }, 120_000);

  it("should count a grandchild's grant from a birth date picked, not typed", async () => {
    const user = await ChatUser.create("th");
    let children = 0;
    const { replies } = await checkAllBenefits(user, question => {
      if (question.includes("ข้อไหนตรงกับท่าน")) return "ไม่มีเลย";
      if (question.includes("อายุเท่าไร")) return "60–69 ปี";
      if (question.includes("อายุต่ำกว่า 6 ปี")) {
        return children++ === 0 ? { birthDate: "2024-05-10" } : "ไม่มีแล้ว";
      }
      if (question.includes("เงินออม")) return "ไม่เกินทั้งสองอย่าง";
      return "ไม่มี";
    });
    expect(replies[0]).toContain("เงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด เดือนละ 600 บาท");
    expect(replies[0]).toContain("เบี้ยยังชีพผู้สูงอายุ เดือนละ 600 บาท");
  }, 120_000);
});
