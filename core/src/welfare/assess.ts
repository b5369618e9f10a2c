import { combineChecks, unknown } from "./checks";
import { evaluateCriteria } from "./criteria";
import { EVALUATORS, type Decision } from "./evaluators";
import { BENEFIT_IDS, type BenefitId } from "./ids";
import { fullYearsOn, isIsoDate, parseIsoDate } from "./iso-date";
import { message, renderMessage, type Message, type WelfareTranslate } from "./messages";
import type { EligibilityProfile } from "./profile-schema";
import type { EligibilityResponse, EligibilityResult } from "./response-schema";
import type { RuleOf, WelfareRule } from "./rule-schema";
import { ruleInForce, ruleVersionId, welfareRules, type WelfareRuleSet } from "./rules";

export interface DecideOptions {
  /** The check date, YYYY-MM-DD; the caller defaults it (today in Bangkok). */
  asOf: string;
  /** Only these benefits (listed in the standard order); all when left out. */
  benefits?: readonly BenefitId[];
  /** Rules to use instead of the shipped ones, e.g. to try a new version before it ships. */
  rules?: WelfareRuleSet;
}

export interface AssessOptions extends DecideOptions {
  t: WelfareTranslate;
}

export interface DecidedBenefit {
  benefit: BenefitId;
  rule: WelfareRule;
  decision: Decision;
}

/**
 * The ages the profile allows on `asOf`: the age given, else the full years from the birth
 * date, else the two ages a Buddhist-era birth year leaves open (birthday passed or not yet).
 */
export function possibleAges(profile: EligibilityProfile, asOf: string): number[] {
  if (profile.age !== undefined) return [profile.age];
  if (profile.birthDate !== undefined) {
    const years = fullYearsOn(profile.birthDate, asOf);
    return years >= 0 ? [years] : [];
  }
  if (profile.birthYearBE !== undefined) {
    const older = parseIsoDate(asOf).year - (profile.birthYearBE - 543);
    return [older - 1, older].filter(age => age >= 0);
  }
  return [];
}

const sameAnswer = (a: Decision, b: Decision) =>
  a.status === b.status &&
  a.monthlyAmount === b.monthlyAmount &&
  a.oneOffAmount === b.oneOffAmount &&
  a.missing.join() === b.missing.join();

function evaluate<B extends BenefitId>(
  benefit: B,
  rule: RuleOf<B>,
  profile: EligibilityProfile,
  asOf: string,
): Decision {
  const evaluator = (rule: RuleOf<B>, known: EligibilityProfile, asOf: string) =>
    EVALUATORS[benefit](rule, known, asOf, evaluateCriteria(rule.criteria, known));
  const ages = possibleAges(profile, asOf);
  if (ages.length <= 1) return evaluator(rule, { ...profile, age: ages[0] }, asOf);
  // Only a birth year: the answer stands if both possible ages give it; else the age is needed.
  const [younger, older] = ages.map(age => evaluator(rule, { ...profile, age }, asOf)) as [
    Decision,
    Decision,
  ];
  if (sameAnswer(younger, older)) return younger;
  return { ...combineChecks([unknown("age")]), notes: [] };
}

/**
 * Language-free decisions for each benefit with a rule in force on `asOf`. A benefit with no
 * version in force yet (a programme that had not started) is left out rather than reported
 * unknown: no answer from the user could decide it.
 */
export function decideBenefits(
  profile: EligibilityProfile,
  { asOf, benefits, rules = welfareRules }: DecideOptions,
): DecidedBenefit[] {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${asOf}`);
  const wanted = benefits ? new Set(benefits) : undefined;
  const decided: DecidedBenefit[] = [];
  for (const benefit of BENEFIT_IDS) {
    if (wanted && !wanted.has(benefit)) continue;
    const rule = ruleInForce(rules, benefit, asOf);
    if (!rule) continue;
    decided.push({ benefit, rule, decision: evaluate(benefit, rule, profile, asOf) });
  }
  return decided;
}

/** Notes that depend on more than one benefit's answer. */
function crossBenefitNotes(decided: readonly DecidedBenefit[]): Map<BenefitId, Message[]> {
  const status = (benefit: BenefitId) => decided.find(d => d.benefit === benefit)?.decision.status;
  const notes = new Map<BenefitId, Message[]>();
  if (status("disability_allowance") === "eligible" && status("old_age_allowance") === "eligible") {
    notes.set("disability_allowance", [message("disability.note.withOldAge")]);
  }
  return notes;
}

/** A dated note is shown from its date on, and may say that date as `{{from}}`. */
function ruleNotes(rule: WelfareRule, asOf: string): Message[] {
  return [...rule.notes, ...rule.uncertain]
    .filter(note => note.from === undefined || note.from <= asOf)
    .map(note =>
      message(note.key, { ...note.vars, ...(note.from ? { from: { date: note.from } } : {}) }),
    );
}

function toResult(
  { benefit, rule, decision }: DecidedBenefit,
  extraNotes: readonly Message[],
  asOf: string,
  t: WelfareTranslate,
): EligibilityResult {
  const render = (msg: Message) => renderMessage(t, msg);
  return {
    benefit,
    title: t(`benefit.${benefit}`),
    status: decision.status,
    ...(decision.monthlyAmount === undefined ? {} : { monthlyAmount: decision.monthlyAmount }),
    ...(decision.oneOffAmount === undefined ? {} : { oneOffAmount: decision.oneOffAmount }),
    missing: decision.missing,
    reasons: decision.reasons.map(render),
    documents: rule.documents.map(key => t(key)),
    applyAt: t(rule.applyAt),
    source: {
      title: rule.source.title,
      url: rule.source.url,
      effective: rule.effective,
      version: ruleVersionId(rule),
    },
    notes: [...decision.notes, ...extraNotes, ...ruleNotes(rule, asOf)].map(render),
  };
}

/**
 * Which welfare benefits a person can get on `asOf`, with reasons, documents and where to apply,
 * in the language of `t`. Pure: the same profile, date and rules always give the same answer.
 */
export function assessEligibility(
  profile: EligibilityProfile,
  options: AssessOptions,
): EligibilityResponse {
  const decided = decideBenefits(profile, options);
  const crossNotes = crossBenefitNotes(decided);
  return {
    asOf: options.asOf,
    results: decided.map(d =>
      toResult(d, crossNotes.get(d.benefit) ?? [], options.asOf, options.t),
    ),
    notes: [options.t("common.note.hotline")],
  };
}
