import type { Language, CaseLocation, Translate } from "@sa/core";

/** "ต.ศรีภูมิ อ.เมืองเชียงใหม่ จ.เชียงใหม่", or the best we know of the place. */
export function placeName(
  location: CaseLocation | null | undefined,
  t: Translate,
  language: Language,
): string {
  if (!location) return t("common.notGiven");
  const area = location.area;
  if (area) {
    if (language === "en") {
      return [area.subDistrict, area.district, area.provinceEn ?? area.province]
        .filter(Boolean)
        .join(", ");
    }
    const bangkok = area.provinceCode === "10";
    const parts = [
      area.subDistrict && `${bangkok ? "แขวง" : "ต."}${area.subDistrict}`,
      area.district && `${bangkok ? "เขต" : "อ."}${area.district}`,
      bangkok ? area.province : `จ.${area.province}`,
    ];
    return parts.filter(Boolean).join(" ");
  }
  if (location.point) return location.point.address ?? t("report.locationPoint");
  return location.typed ?? t("common.notGiven");
}
