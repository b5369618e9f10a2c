import {
  getDatabase,
  getProvinces,
  preload,
  setGeoMode,
  splitAddress,
  type AddressEntry,
} from "thai-address-universal";
import type { Area } from "../area";

/** Finds areas in what a person typed or in the address LINE attaches to a location. */
export interface AreaDirectory {
  /** Every area the text could mean, most specific first; empty when nothing matches. */
  find(text: string): Area[];
  /** The area named in a full postal address (LINE location messages carry one). */
  fromPostalAddress(address: string): Promise<Area | undefined>;
  byCode(code: string): Area | undefined;
}

interface Unit {
  entry: AddressEntry;
  parent?: Unit;
  level: "province" | "district" | "subDistrict";
  keys: string[];
}

// People type "ต.ศรีภูมิ อ.เมือง จ.เชียงใหม่", "อำเภอเมืองเชียงใหม่" or "Chiang Mai": strip the
// level words so that only names are left to compare.
const LEVEL_WORDS =
  /(จังหวัด|อำเภอ|ตำบล|แขวง|เขต|กิ่งอำเภอ|จ\.|อ\.|ต\.|province|district|sub-district|subdistrict|amphoe|tambon)/gi;

export function normaliseName(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(LEVEL_WORDS, " ")
    .replace(/[\s,.\-()]+/g, "");
}

function toArea(unit: Unit): Area {
  const chain: Unit[] = [];
  for (let u: Unit | undefined = unit; u; u = u.parent) chain.unshift(u);
  const [province, district, subDistrict] = chain;
  return {
    provinceCode: province!.entry.code,
    province: province!.entry.nameTh,
    ...(province!.entry.nameEn && { provinceEn: province!.entry.nameEn }),
    ...(district && {
      districtCode: district.entry.code,
      district: district.entry.nameTh,
    }),
    ...(subDistrict && {
      subDistrictCode: subDistrict.entry.code,
      subDistrict: subDistrict.entry.nameTh,
    }),
  };
}

function keysOf(entry: AddressEntry): string[] {
  return [normaliseName(entry.nameTh), normaliseName(entry.nameEn)].filter(k => k.length > 0);
}

/**
 * Loads the whole directory (77 provinces, ~930 districts, ~7,400 sub-districts) once; lookups
 * after that are synchronous, so the conversation flows can stay pure. English names are kept
 * for provinces only: English speakers name a province or share a LINE location.
 */
export async function loadAreaDirectory(): Promise<AreaDirectory> {
  // Geo mode adds the official codes to each row; it is a switch inside the library.
  await setGeoMode(true);
  await preload({ language: "thai", geo: true });
  const provincesEn = new Map((await getProvinces()).map(p => [p.code, p.nameEn]));
  const units: Unit[] = [];
  const byCode = new Map<string, Unit>();
  const unitFor = (
    code: string | undefined,
    nameTh: string,
    level: Unit["level"],
    parent?: Unit,
  ): Unit | undefined => {
    if (!code) return undefined;
    const existing = byCode.get(code);
    if (existing) return existing;
    const nameEn = level === "province" ? (provincesEn.get(code) ?? "") : "";
    const entry: AddressEntry = { code, nameTh, nameEn };
    const unit: Unit = { entry, level, keys: keysOf(entry), ...(parent && { parent }) };
    units.push(unit);
    byCode.set(code, unit);
    return unit;
  };
  for (const row of getDatabase()) {
    const province = unitFor(row.province_code, row.province, "province");
    const district = unitFor(row.district_code, row.district, "district", province);
    unitFor(row.sub_district_code, row.sub_district, "subDistrict", district);
  }

  const find = (text: string): Area[] => {
    const wanted = normaliseName(text);
    if (wanted.length < 2) return [];
    // A unit matches when its own name is in the text and so is every ancestor name the text
    // mentions beyond it; we keep the matches that explain the most of the text.
    const scored: { unit: Unit; score: number }[] = [];
    for (const unit of units) {
      const ownKey = unit.keys.find(k => wanted.includes(k));
      if (!ownKey) continue;
      let score = ownKey.length;
      for (let parent = unit.parent; parent; parent = parent.parent) {
        const key = parent.keys.find(k => wanted.includes(k));
        if (key) score += key.length;
      }
      scored.push({ unit, score });
    }
    if (scored.length === 0) return [];
    const best = Math.max(...scored.map(s => s.score));
    let top = scored.filter(s => s.score === best).map(s => s.unit);
    // A bare name shared by a province and a far-away sub-district ("เชียงใหม่") almost always
    // means the province: on a tie, the larger unit wins.
    const widest = Math.min(...top.map(u => LEVEL_RANK[u.level]));
    top = top.filter(u => LEVEL_RANK[u.level] === widest);
    // "เมืองเชียงใหม่" names both a district and (inside it) nothing more specific: prefer the
    // least specific unit when a child matched only because it repeats its parent's name.
    const kept = top.filter(u => !top.some(other => other !== u && isAncestor(other, u)));
    return kept.map(toArea);
  };

  return {
    find,
    byCode: code => {
      const unit = byCode.get(code);
      return unit && toArea(unit);
    },
    async fromPostalAddress(address) {
      const parts = await splitAddress(address);
      if (!parts) return undefined;
      const found = find(`${parts.sub_district} ${parts.district} ${parts.province}`);
      return found.length === 1 ? found[0] : undefined;
    },
  };
}

const LEVEL_RANK: Record<Unit["level"], number> = { province: 0, district: 1, subDistrict: 2 };

function isAncestor(candidate: Unit, unit: Unit): boolean {
  for (let p = unit.parent; p; p = p.parent) if (p === candidate) return true;
  return false;
}
