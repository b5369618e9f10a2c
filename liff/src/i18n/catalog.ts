import type thLiff from "../../../core/src/locales/th/liff.json";
import type thOffice from "../../../core/src/locales/th/office.json";
import type thCasework from "../../../core/src/locales/th/casework.json";
import type thEligibility from "../../../core/src/locales/th/eligibility.json";
import type thBenefitsFound from "../../../core/src/locales/th/benefits-found.json";
import type thSimulator from "../../../core/src/locales/th/simulator.json";

export type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the `liff` catalog: a typo or a key missing from Thai fails the type check. */
export type LiffKey =
  | Leaves<typeof thLiff>
  | Leaves<typeof thOffice>
  | Leaves<typeof thCasework>
  | Leaves<typeof thEligibility>
  | Leaves<typeof thBenefitsFound>
  | Leaves<typeof thSimulator>;
/**
 * `true` only when two catalogs have the same keys, checked both ways at compile time:
 * `const catalogsMatch: SameShape<typeof th, typeof en> = true` fails the type check when the
 * English catalog lacks a Thai key or has one Thai lacks.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: LiffKey, vars?: TranslateVars) => string;
/** The shared `welfare` catalog (field and hardship names), keyed as in core. */
export type WelfareTranslate = (key: string, vars?: TranslateVars) => string;
