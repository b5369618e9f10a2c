import { describe, expect, it } from "vitest";
import { formatThaiPhone, parseThaiPhone } from "@sa/core";

describe("Thai phone numbers", () => {
  it("should accept mobiles and landlines written the ways people write them", () => {
    expect(parseThaiPhone("081-234-5678")).toBe("0812345678");
    expect(parseThaiPhone("+66 81 234 5678")).toBe("0812345678");
    expect(parseThaiPhone("๐๙๑ ๒๓๔ ๕๖๗๘")).toBe("0912345678");
    expect(parseThaiPhone("02-123-4567")).toBe("021234567");
  });

  it("should refuse what is not a Thai number", () => {
    for (const bad of ["12345", "0112345678", "08123456789", "0812-ABC-678", "", "1300"]) {
      expect(parseThaiPhone(bad)).toBeUndefined();
    }
  });

  it("should format numbers for people to read", () => {
    expect(formatThaiPhone("0812345678")).toBe("081-234-5678");
    expect(formatThaiPhone("021234567")).toBe("02-123-4567");
  });
});
