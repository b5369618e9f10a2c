import {
  areaOfSharedLocation,
  areaSchema,
  loadAreaDirectory,
  caseLocationSchema,
  SUB_DISTRICT_CENTRES,
  type AreaDirectory,
  type SubDistrictCentre,
} from "@sa/core";
import { beforeAll, describe, expect, it } from "vitest";
import { SIM_PLACES } from "../../../dev/src/line-platform/sim-places";

let areas: AreaDirectory;
beforeAll(async () => {
  areas = await loadAreaDirectory();
});

// The centre table uses DOPA codes; the address directory files Bueng Kan (38) under 97.
const DIRECTORY_PROVINCE_CODE: Record<string, string> = { "38": "97" };
const directoryCode = (c: SubDistrictCentre) =>
  DIRECTORY_PROVINCE_CODE[c.provinceCode] ?? c.provinceCode;

function directoryProvinceCodes(): string[] {
  const codes: string[] = [];
  for (let n = 10; n <= 99; n++) {
    const area = areas.byCode(String(n));
    if (area) codes.push(area.provinceCode);
  }
  return codes;
}

/** The first sub-district centre of each province in the table. */
function onePinPerProvince(): SubDistrictCentre[] {
  const first = new Map<string, SubDistrictCentre>();
  for (const c of SUB_DISTRICT_CENTRES)
    if (!first.has(c.provinceCode)) first.set(c.provinceCode, c);
  return [...first.values()];
}

describe("a shared location without an address", () => {
  it("resolves a pin at a sub-district centre of each of the 77 provinces to that province", () => {
    const pins = onePinPerProvince();
    const resolved = new Set<string>();
    for (const pin of pins) {
      const where = `${pin.subDistrict}, ${pin.district}, ${pin.province} (${pin.subDistrictCode})`;
      const found = areas.fromPoint(pin.latitude, pin.longitude);
      expect.soft("area" in found, `${where} is taken for outside Thailand`).toBe(true);
      if (!("area" in found)) continue;
      expect.soft(found.area.provinceCode, `province code of ${where}`).toBe(directoryCode(pin));
      expect.soft(found.area.province, `province name of ${where}`).toBe(pin.province);
      resolved.add(found.area.provinceCode);
    }
    expect(pins).toHaveLength(77);
    expect(resolved.size).toBe(77);
    expect([...resolved].sort()).toEqual(directoryProvinceCodes().sort());
  });

  it("resolves every sub-district centre to an area of its own province that a report can hold", () => {
    for (const c of SUB_DISTRICT_CENTRES) {
      const found = areas.fromPoint(c.latitude, c.longitude);
      if (!("area" in found)) throw new Error(`${c.subDistrictCode} is taken for outside Thailand`);
      expect.soft(found.area.provinceCode, c.subDistrictCode).toBe(directoryCode(c));
      expect.soft(areaSchema.safeParse(found.area).success, c.subDistrictCode).toBe(true);
      expect.soft(found.distanceKm, c.subDistrictCode).toBeLessThan(0.01);
    }
    // 7,352 lookups: about a second on a quiet machine, several on a loaded one.
  }, 30_000);

  it("marks an area found from the point alone as approximate", async () => {
    const result = await areaOfSharedLocation(areas, { latitude: 7.0086, longitude: 100.4747 });
    expect(result).toMatchObject({ approximate: true, area: { provinceCode: "90" } });
  });

  it("finds Bueng Kan, which the 2018 table has no centres for, from the supplement", () => {
    const found = areas.fromPoint(18.252, 103.962); // Bung Khla
    expect(found).toMatchObject({ area: { provinceCode: "97", province: "บึงกาฬ" } });
  });

  it("with a latitude that is not a number is outside", () => {
    expect(areas.fromPoint(Number.NaN, 100)).toEqual({ outside: true });
  });

  it("finds Ko Lipe, an inhabited island far from any centre, in Satun", () => {
    expect(areas.fromPoint(6.488, 99.304)).toMatchObject({ area: { provinceCode: "91" } });
  });
});

describe("a simulator preset place", () => {
  it.each(SIM_PLACES.map(p => [p.name, p] as const))(
    "%s resolves to its province with its address and without one",
    async (_name, place) => {
      const point = { latitude: place.lat, longitude: place.lng };
      const withAddress = await areaOfSharedLocation(areas, { ...point, address: place.address });
      const withoutAddress = await areaOfSharedLocation(areas, point);
      expect(withAddress, "with its address").toMatchObject({
        area: { provinceCode: place.provinceCode },
      });
      expect(withoutAddress, "without an address").toMatchObject({
        area: { provinceCode: place.provinceCode },
        approximate: true,
      });
    },
  );

  it("in Chiang Mai, whose address has no postcode, goes to Chiang Mai from its point", async () => {
    const cm = SIM_PLACES.find(p => p.provinceCode === "50")!;
    const { lat: latitude, lng: longitude, address } = cm;
    expect(await areas.fromPostalAddress(address!)).toBeUndefined();
    expect(await areaOfSharedLocation(areas, { latitude, longitude, address })).toMatchObject({
      area: { provinceCode: "50", province: "เชียงใหม่" },
      approximate: true,
    });
  });
});

describe("a point outside Thailand", () => {
  const OUTSIDE: [string, number, number][] = [
    ["Kuala Lumpur", 3.139, 101.6869],
    ["Yangon", 16.8409, 96.1735],
    ["Phnom Penh", 11.5564, 104.9282],
    ["the middle of the Gulf of Thailand", 9.5, 101.5],
    ["0, 0", 0, 0],
  ];

  it.each(OUTSIDE)("%s is outside", async (_name, latitude, longitude) => {
    expect(areas.fromPoint(latitude, longitude)).toEqual({ outside: true });
    expect(await areaOfSharedLocation(areas, { latitude, longitude })).toEqual({ outside: true });
  });

  it("is outside even with an address that does not parse", async () => {
    const result = await areaOfSharedLocation(areas, {
      latitude: 3.139,
      longitude: 101.6869,
      address: "Jalan Sultan Ismail, Kuala Lumpur",
    });
    expect(result).toEqual({ outside: true });
  });
});

describe("an address that parses", () => {
  it("wins over the point: a Bangkok address on a Chiang Mai pin is Bangkok, not approximate", async () => {
    const result = await areaOfSharedLocation(areas, {
      latitude: 18.7883,
      longitude: 98.9853,
      address: "แขวงดินแดง เขตดินแดง กรุงเทพมหานคร 10400",
    });
    expect(result).toMatchObject({ area: { provinceCode: "10" }, approximate: false });
  });

  it("is not taken for a same-named place in another province", async () => {
    // "คำนาดี … บึงกาฬ" also contains นาดี, a district and sub-district of Prachin Buri.
    const address = "ตำบลคำนาดี อำเภอเมืองบึงกาฬ บึงกาฬ 38000";
    expect((await areas.fromPostalAddress(address))?.provinceCode).not.toBe("25");
    const result = await areaOfSharedLocation(areas, {
      latitude: 18.294,
      longitude: 103.925,
      address,
    });
    expect(result).toMatchObject({ area: { provinceCode: "97" } });
  });
});

describe("a report's location", () => {
  it("can say its area was found from the point alone", () => {
    const location = { point: { latitude: 18.79, longitude: 98.98 }, approximate: true };
    expect(caseLocationSchema.parse(location)).toEqual(location);
  });
});
