import { describe, expect, it } from "vitest";
import { draftPhotoKey, reportPhotoPath } from "../../../functions/src/photos/photo-store";

describe("where report photos are kept", () => {
  it("should keep a draft's photos in one folder named for the report, never for the sender", () => {
    const key = draftPhotoKey([], "msg-1");
    expect(key).toMatch(/^r-[0-9a-f]{24}$/);
    // A redelivered first photo lands on the same path.
    expect(draftPhotoKey([], "msg-1")).toBe(key);
    const first = reportPhotoPath(key, "msg-1", "image/png");
    expect(first).toBe(`report-photos/${key}/msg-1.png`);
    expect(draftPhotoKey([first], "msg-2")).toBe(key);
    expect(draftPhotoKey([], "msg-2")).not.toBe(key);
  });

  it("should start a new folder when the draft holds a path of the old form, named for the sender", () => {
    const old = "report-photos/U1234567890abcdef1234567890abcdef/x.png";
    expect(draftPhotoKey([old], "msg-3")).toMatch(/^r-[0-9a-f]{24}$/);
  });
});
