import type { Area, Language } from "@sa/core";

/** "ศรีภูมิ, เมืองเชียงใหม่, เชียงใหม่": most specific first, as Thai addresses are written. */
export function placeName(area: Area | null, language: Language): string | undefined {
  if (!area) return undefined;
  const province = language === "en" && area.provinceEn ? area.provinceEn : area.province;
  return [area.subDistrict, area.district, province].filter(Boolean).join(", ");
}
