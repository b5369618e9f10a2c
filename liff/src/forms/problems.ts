import type { LiffKey, TranslateVars } from "../i18n/catalog";

/** A mistake in a form: where it is (an element id) and what to tell the person. */
export interface Problem {
  target: string;
  key: LiffKey;
  vars?: TranslateVars;
}

/** Zod's issue path as one string: ["children", 0, "birthDate"] → "children.0.birthDate". */
export const issuePath = (path: readonly PropertyKey[]): string => path.map(String).join(".");

/** One message per field, the first found: a field with two mistakes reads as one. */
export function firstPerTarget(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter(p => !seen.has(p.target) && seen.add(p.target));
}
