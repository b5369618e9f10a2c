import i18next, { type TFunction } from "i18next";
import thBot from "./locales/th/bot.json";
import enBot from "./locales/en/bot.json";
import thWelfare from "./locales/th/welfare.json";
import enWelfare from "./locales/en/welfare.json";

export const LANGUAGES = ["th", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export type Translate = TFunction;

// Thai and English catalogs must have the same keys, checked both ways at type-check time (as
// the LIFF app's are): a message added in one language only fails `npm run typecheck`.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const botCatalogsMatch: SameShape<typeof thBot, typeof enBot> = true;
const welfareCatalogsMatch: SameShape<typeof thWelfare, typeof enWelfare> = true;
void botCatalogsMatch;
void welfareCatalogsMatch;

export const resources = {
  th: { bot: thBot, welfare: thWelfare },
  en: { bot: enBot, welfare: enWelfare },
} as const;

// One shared instance, never switched: each event gets its own fixed `t` (getFixedT), so two
// users served by one function instance never see each other's language.
const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: "th",
  fallbackLng: "th",
  ns: ["bot", "welfare"],
  defaultNS: "bot",
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export function translator(language: Language, namespace: "bot" | "welfare" = "bot"): Translate {
  return instance.getFixedT(language, namespace);
}

/** LINE reports a profile language such as "th", "en", "ja": we speak Thai unless it is English. */
export function languageFromLine(lineLanguage: string | undefined): Language {
  return lineLanguage?.toLowerCase().startsWith("en") ? "en" : "th";
}

export function isLanguage(value: unknown): value is Language {
  return value === "th" || value === "en";
}
