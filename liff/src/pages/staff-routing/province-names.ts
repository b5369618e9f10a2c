import { useEffect, useState } from "preact/hooks";
import { compareNames, type Language } from "@sa/core";
import type { Translate } from "../../i18n/catalog";

export interface Province {
  code: string;
  name: string;
}

/** Province names from the address directory (fetched lazily: only admins open these pages). */
export function useProvinces(language: Language): Province[] {
  const [provinces, setProvinces] = useState<Province[]>([]);
  useEffect(() => {
    let live = true;
    import("thai-address-universal")
      .then(directory => directory.getProvinces())
      .then(
        list =>
          live &&
          setProvinces(
            list
              .map(p => ({
                code: p.code,
                name: language === "en" && p.nameEn ? p.nameEn : p.nameTh,
              }))
              .sort((a, b) => compareNames(language)(a.name, b.name)),
          ),
        // Without names the entries are still listed and edited by their codes.
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [language]);
  return provinces;
}

export const ROUTING_ID = /^(\d{2}|default|national)$/;

/** "ศูนย์ช่วยเหลือสังคม 1300", "ค่าเริ่มต้น…", or "เชียงใหม่ (50)". */
export function routingName(id: string, provinces: readonly Province[], t: Translate): string {
  if (id === "national") return t("staff.routing.national");
  if (id === "default") return t("staff.routing.default");
  const name = provinces.find(p => p.code === id)?.name;
  return name ? `${name} (${id})` : id;
}

/** National first, then the default, then provinces by name (by code until names arrive). */
export function routingOrder(id: string): string {
  return id === "national" ? "0" : id === "default" ? "1" : `2${id}`;
}
