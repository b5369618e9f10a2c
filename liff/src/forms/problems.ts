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

/** The message to show beside one field, or undefined when it has no problem. */
export function problemText(
  problems: Problem[],
  target: string,
  t: (key: LiffKey, vars?: TranslateVars) => string,
): string | undefined {
  const problem = problems.find(p => p.target === target);
  return problem && t(problem.key, problem.vars);
}
