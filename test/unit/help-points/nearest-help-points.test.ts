import { helpPointSchema, nearestHelpPoints, type HelpPoint } from "@sa/core";
import { describe, expect, it } from "vitest";
import { demoHelpPoints } from "../../../dev/src/demo-help-points";

// Tha Phae Gate, Chiang Mai: between the Si Phum, Chang Moi and Phra Sing centres.
const THA_PHAE_GATE = { latitude: 18.7877, longitude: 98.9933 };

describe("the nearest help points", () => {
  it("should give the three nearest, nearest first, with great-circle distances", () => {
    const nearby = nearestHelpPoints(demoHelpPoints(), THA_PHAE_GATE, 3);
    expect(nearby).toHaveLength(3);
    const distances = nearby.map(n => n.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // Phra Sing's centre (18.785, 98.985) is about 0.9 km west of the gate.
    const phraSing = nearby.find(n => n.point.subDistrictCode === "500102");
    expect(phraSing?.distanceKm).toBeGreaterThan(0.8);
    expect(phraSing?.distanceKm).toBeLessThan(1.0);
    // Nothing left out was nearer than the third.
    const all = nearestHelpPoints(demoHelpPoints(), THA_PHAE_GATE, 100);
    expect(all[3]!.distanceKm).toBeGreaterThanOrEqual(nearby[2]!.distanceKm);
  });

  it("should answer nothing from an empty directory", () => {
    expect(nearestHelpPoints([], THA_PHAE_GATE)).toEqual([]);
  });
});

describe("a help point", () => {
  const valid: HelpPoint = demoHelpPoints()[0]!;

  it("should accept the demo entries and a hotline or Thai phone", () => {
    for (const point of demoHelpPoints()) expect(helpPointSchema.parse(point)).toEqual(point);
    expect(helpPointSchema.parse({ ...valid, phone: "053-112-233" }).phone).toBe("053112233");
  });

  it.each([
    ["phone", { phone: "12345" }],
    ["subDistrictCode", { subDistrictCode: "509999" }],
    ["location", { location: { latitude: 35.68, longitude: 139.69 } }],
    ["name", { name: "   " }],
    ["id", { id: "../users" }],
  ])("should refuse a bad %s", (field, change) => {
    const parsed = helpPointSchema.safeParse({ ...valid, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map(i => i.path[0])).toContain(field);
  });
});
