import type { Language } from "@sa/core";
import en from "../../../../core/src/locales/en/households.json";
import th from "../../../../core/src/locales/th/households.json";
import type { Leaves, SameShape, TranslateVars } from "../../i18n/catalog";
import { fill, lookup } from "../../i18n/i18n";
import { useLanguage } from "../../i18n/language-context";

// The office strings of the household pages travel with those pages (both languages, in their
// lazy chunk), not in the catalog every volunteer loads on the first screen.
const catalogsMatch: SameShape<typeof th, typeof en> = true;
void catalogsMatch;

export type HouseholdsKey = Leaves<typeof th>;
const CATALOGS: Record<Language, object> = { th, en };

/** `t` for the household office strings (core/src/locales/{th,en}/households.json). */
export function useHouseholdsText(): (key: HouseholdsKey, vars?: TranslateVars) => string {
  const { language } = useLanguage();
  return (key, vars) => fill(lookup(CATALOGS[language], key) ?? key, vars);
}
