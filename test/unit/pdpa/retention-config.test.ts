import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), "utf8"));

describe("retention and storage access as deployed configuration", () => {
  it("should declare TTL policies for processed-event markers and outbox items", () => {
    const { fieldOverrides } = json("firestore.indexes.json");
    const ttl = fieldOverrides
      .filter((field: { ttl?: boolean }) => field.ttl === true)
      .map((field: { collectionGroup: string; fieldPath: string }) =>
        [field.collectionGroup, field.fieldPath].join("."),
      );
    expect(ttl).toEqual(expect.arrayContaining(["events.expireAt", "outbox.purgeAt"]));
    // The CLI refuses an override without its `indexes`.
    for (const field of fieldOverrides) expect(Array.isArray(field.indexes)).toBe(true);
  });

  it("should deploy Cloud Storage rules that deny every client", () => {
    expect(json("firebase.json").storage).toEqual({ rules: "storage.rules" });
    const rules = readFileSync(join(ROOT, "storage.rules"), "utf8");
    expect(rules).toContain("allow read, write: if false;");
    expect(rules).not.toMatch(/if (?!false)/);
  });
});
