import i18next from "i18next";
import en from "../../../core/src/locales/en/welfare.json";
import th from "../../../core/src/locales/th/welfare.json";
import {
  assessEligibility,
  type AssessOptions,
  type BenefitId,
  type EligibilityProfile,
  type EligibilityResult,
  type WelfareTranslate,
} from "../../../core/src/welfare";

export type Language = "th" | "en";

/** Keys asked for but absent from a catalog, across every translator made here. */
export const missingKeys: string[] = [];

/** A fixed T as the app builds one, with no fallback language so a gap in `en` shows. */
export function welfareTranslator(language: Language = "th"): WelfareTranslate {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { th: { welfare: th }, en: { welfare: en } },
    lng: language,
    fallbackLng: false,
    ns: ["welfare"],
    defaultNS: "welfare",
    interpolation: { escapeValue: false },
    initAsync: false,
    saveMissing: true,
    missingKeyHandler: (_languages, _namespace, key) => {
      missingKeys.push(`${language}:${key}`);
    },
  });
  return instance.getFixedT(language, "welfare");
}

export const CHECK_DATE = "2026-11-25";

type Options = Partial<Omit<AssessOptions, "t">> & { language?: Language };

export function assess(profile: EligibilityProfile, options: Options = {}) {
  const { language = "th", asOf = CHECK_DATE, ...rest } = options;
  return assessEligibility(profile, { asOf, t: welfareTranslator(language), ...rest });
}

/** The one result for `benefit`; fails the test if the engine left it out. */
export function resultFor(
  benefit: BenefitId,
  profile: EligibilityProfile,
  options: Options = {},
): EligibilityResult {
  const found = assess(profile, options).results.find(result => result.benefit === benefit);
  if (!found) throw new Error(`No result for ${benefit}`);
  return found;
}

/** A Thai adult who has answered every question that is not about the benefit under test. */
export const THAI_ADULT: EligibilityProfile = {
  nationality: "TH",
  receivesGovernmentPension: false,
  livesInStateCareHome: false,
};
