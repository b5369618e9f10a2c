import { describe, expect, it } from "vitest";
import th from "../../../core/src/locales/th/bot.json";
import en from "../../../core/src/locales/en/bot.json";

describe("the chat's pension question", () => {
  // "เงินรายเดือนจากรัฐ" is read as any allowance, so people on the disability or HIV allowance
  // answered yes and lost the old-age allowance.
  it("asks about a government pension or state salary, and says allowances do not count", () => {
    const thai = th.welfareChat.ask.receivesGovernmentPension;
    expect(thai).toContain("บำนาญ");
    expect(thai).toContain("เงินเดือนประจำจากราชการ");
    expect(thai).not.toContain("เงินรายเดือนจากรัฐ");
    expect(thai).toContain("เบี้ยความพิการ");
    expect(en.welfareChat.ask.receivesGovernmentPension).toMatch(/does not count/);
    // The same words where the pension is one item of the list question.
    const item = th.welfareChat.situation.item.receivesGovernmentPension;
    expect(item).toContain("เงินเดือนประจำจากราชการ");
    expect(item).toContain("เบี้ยความพิการ");
    expect(en.welfareChat.situation.item.receivesGovernmentPension).toMatch(/does not count/);
  });
});
