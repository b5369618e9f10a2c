import {
  bangkokDate,
  unclaimedBenefits,
  type FoundBenefit,
  type Language,
  type VisitHousehold,
} from "@sa/core";
import { fill, lookup } from "../../i18n/i18n";

// The welfare engine and the whole welfare catalog (documents, where to apply) are in this lazy
// chunk only. The catalog comes in as text: importing it as JSON would share the module the
// language chunks already take the benefit names from, and pull all of it onto the first screen.
const CATALOGS: Record<Language, () => Promise<{ default: string }>> = {
  th: () => import("../../../../core/src/locales/th/welfare.json?raw"),
  en: () => import("../../../../core/src/locales/en/welfare.json?raw"),
};

/** The benefits each member appears to meet and does not receive, with the rules shipped in the app. */
export async function findBenefits(
  household: VisitHousehold,
  language: Language,
): Promise<FoundBenefit[]> {
  const tree = JSON.parse((await CATALOGS[language]()).default) as object;
  const t = (key: string, vars?: Record<string, string>) => fill(lookup(tree, key) ?? key, vars);
  return unclaimedBenefits(household, { asOf: bangkokDate(new Date()), t });
}
