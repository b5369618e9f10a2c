import type { Language } from "@sa/core";
import type thLiff from "../../../core/src/locales/th/liff.json";
import type enLiff from "../../../core/src/locales/en/liff.json";
import { readText } from "../storage/local-json";
import { LANGUAGE_KEY } from "../storage/phone-keys";
import type { SameShape, Translate, TranslateVars, WelfareTranslate } from "./catalog";

// Both catalogs must have the same keys: checked here, at type-check time, in both directions.
const catalogsMatch: SameShape<typeof thLiff, typeof enLiff> = true;
void catalogsMatch;

/** Thai unless the person chose English on this phone before. */
export function initialLanguage(): Language {
  // Not core's isLanguage: that module also builds the server's i18next instance with every
  // catalog, and importing anything from it would put all of that in the app's bundle.
  return readText(LANGUAGE_KEY) === "en" ? "en" : "th";
}

interface Catalog {
  liff: object;
  welfare: object;
}

// Each language is its own chunk and a session loads only the one it shows: the catalogs are
// a tenth of the app's weight, and most people never switch.
const loaders: Record<Language, () => Promise<{ catalog: Catalog }>> = {
  th: () => import("./catalogs/th"),
  en: () => import("./catalogs/en"),
};
const loaded = new Map<Language, Catalog>();
/** `liff` strings of lazily loaded pages, registered when their chunk arrives (office-strings). */
const registered: Record<Language, object[]> = { th: [], en: [] };

export function registerStrings(byLanguage: Record<Language, object>): void {
  for (const language of Object.keys(registered) as Language[]) {
    registered[language].push(byLanguage[language]);
  }
}

export async function loadLanguage(language: Language): Promise<void> {
  if (!loaded.has(language)) loaded.set(language, (await loaders[language]()).catalog);
}

export function lookup(tree: object, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * i18next's catalog format ({{name}} placeholders, nested keys), read by a few lines instead of
 * i18next itself: i18next is 13 KB gzip, a fifth of the app's 60 KB budget, for features the
 * app does not use (plurals, nesting, backends). Every key is checked at compile time instead.
 */
function translatorFor(language: Language, namespace: keyof Catalog) {
  const catalog = loaded.get(language);
  if (!catalog) throw new Error(`catalog for ${language} is not loaded`);
  const extra = namespace === "liff" ? registered[language] : [];
  return (key: string, vars?: TranslateVars): string =>
    fill(
      lookup(catalog[namespace], key) ??
        extra.reduce<string | undefined>((found, tree) => found ?? lookup(tree, key), undefined) ??
        key,
      vars,
    );
}

/** Puts the {{name}} placeholders' values into a catalog text. */
export function fill(text: string, vars?: TranslateVars): string {
  return vars
    ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
        name in vars ? String(vars[name]) : whole,
      )
    : text;
}

export function translators(language: Language): { t: Translate; tw: WelfareTranslate } {
  return { t: translatorFor(language, "liff"), tw: translatorFor(language, "welfare") };
}
