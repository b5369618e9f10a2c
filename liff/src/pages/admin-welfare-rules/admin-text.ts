import type { Language } from "@sa/core";
import thAdmin from "../../../../core/src/locales/th/welfare-admin.json";
import enAdmin from "../../../../core/src/locales/en/welfare-admin.json";
// Named imports: only these parts of the welfare catalogs come into this chunk.
import {
  benefit as thBenefit,
  field as thField,
} from "../../../../core/src/locales/th/welfare.json";
import {
  benefit as enBenefit,
  field as enField,
} from "../../../../core/src/locales/en/welfare.json";
import type { SameShape, TranslateVars } from "../../i18n/catalog";
import { useLanguage } from "../../i18n/language-context";

// The admin page's own catalog, in this lazy chunk only: a page few people open costs the
// first screen nothing. It names benefits and fields itself: importing the shared welfare
// catalog here would split it into a chunk the first screen then loads too.

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
const catalogsMatch: SameShape<typeof thAdmin, typeof enAdmin> = true;
void catalogsMatch;

export type AdminKey = Leaves<typeof thAdmin>;
export type AdminTranslate = (key: AdminKey, vars?: TranslateVars) => string;

const CATALOGS = { th: thAdmin, en: enAdmin } as const;

function lookup(tree: object, key: string): string {
  let node: unknown = tree;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : key;
}

const fill = (text: string, vars?: TranslateVars) =>
  vars
    ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
        name in vars ? String(vars[name]) : whole,
      )
    : text;

export interface AdminText {
  language: Language;
  ta: AdminTranslate;
  /** A benefit's or a profile field's name: "benefit.old_age_allowance", "field.age". */
  name: (key: string) => string;
}

export function useAdminText(): AdminText {
  const { language } = useLanguage();
  const catalog = CATALOGS[language];
  return {
    language,
    ta: (key, vars) => fill(lookup(catalog, key), vars),
    name: key =>
      lookup(catalog, key.replace(/^benefit\./, "benefitName.").replace(/^field\./, "fieldName.")),
  };
}

/** "criteria.0.fail.th" → "เงื่อนไขที่ 1 › ข้อความเมื่อไม่ผ่าน › th": where a problem is. */
export function placeOf(path: readonly (string | number)[], ta: AdminTranslate): string {
  if (path.length === 0) return ta("place.whole");
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const next = path[i + 1];
    if (typeof part === "string" && typeof next === "number" && isListPlace(part)) {
      parts.push(ta(`place.${part}`, { index: next + 1 }));
      i++;
    } else if (typeof part === "string" && isPlace(part)) parts.push(ta(`place.${part}`));
    else parts.push(String(part));
  }
  return parts.join(" › ");
}

const LIST_PLACES = ["criteria", "examples", "ageBands"] as const;
const isListPlace = (part: string): part is (typeof LIST_PLACES)[number] =>
  (LIST_PLACES as readonly string[]).includes(part);
const isPlace = (
  part: string,
): part is Exclude<keyof typeof thAdmin.place, (typeof LIST_PLACES)[number]> =>
  part in thAdmin.place && !isListPlace(part);

/** One problem of a draft in the admin's language, from its code and place. */
export function issueText(
  issue: { path: readonly (string | number)[]; code: string },
  ta: AdminTranslate,
): string {
  const code = issue.code in thAdmin.issue ? (issue.code as keyof typeof thAdmin.issue) : "other";
  return ta(`issue.${code}`, { place: placeOf(issue.path, ta) });
}
