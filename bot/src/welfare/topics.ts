import {
  childFieldOf,
  decideBenefits,
  questionsNeeded,
  type BenefitId,
  type EligibilityProfile,
  type WelfareRuleSet,
} from "@sa/core";

/**
 * The interview asks about topics, not single fields: a topic is what one message asks, and it
 * covers the fields the welfare engine still lists as unknown. Which topic comes next is read
 * from the engine every time (questionsNeeded), so an answer that settles a benefit drops its
 * other questions, and a criterion the rules add later is asked without changing this list.
 */

/** Facts that are "no" for most people: asked together as one list when several are open. */
export const SITUATION_FIELDS = [
  "nationality",
  "hasDisabilityCard",
  "hasStateWelfareCard",
  "receivesGovernmentPension",
  "livesInStateCareHome",
  "hivCertified",
] as const;
export type SituationField = (typeof SITUATION_FIELDS)[number];

/** Yes/no facts asked one by one, each with the answers a Thai speaker would give. */
export const YES_NO_FIELDS = [
  ...SITUATION_FIELDS.filter(field => field !== "nationality"),
  "receivesOtherStateChildBenefit",
  "poorOrWithoutSupport",
] as const;
export type YesNoField = (typeof YES_NO_FIELDS)[number];

/**
 * An item of the list question that is no profile field: "a child in my care lives in a care
 * home". Shown while the children are still unknown, so that "ไม่มีเลย" answers it for every
 * child named later and the child grant needs no question of its own per child.
 */
export const CHILD_IN_CARE_HOME = "childInCareHome";

export const MONEY_FIELDS = ["annualIncomePerPerson", "financialAssets"] as const;

export type Topic =
  | { kind: "situation"; fields: (SituationField | typeof CHILD_IN_CARE_HOME)[] }
  | { kind: "nationality" }
  | { kind: "yesNo"; field: YesNoField }
  | { kind: "age" }
  | { kind: "children" }
  | { kind: "childCareHome"; field: string }
  | { kind: "money"; fields: (typeof MONEY_FIELDS)[number][] }
  | { kind: "hardships" };

/**
 * When two topics settle as many benefits, the one a person answers most easily goes first.
 * A child's care home comes after the money: one income answer may settle every child.
 */
const TIE_ORDER: Topic["kind"][] = [
  "situation",
  "nationality",
  "age",
  "children",
  "money",
  "childCareHome",
  "hardships",
  "yesNo",
];

export interface InterviewState {
  profile: EligibilityProfile;
  benefits: readonly BenefitId[];
  /** Fields answered "ไม่ทราบ": never asked again, left unknown in the result. */
  skipped: readonly string[];
  asOf: string;
  /** The rule versions in force (published ones over the bundled); bundled when absent. */
  rules?: WelfareRuleSet;
  /** The list's answer about children in care homes: "none" answers it for every child. */
  childCareHome?: "none" | "some";
}

const isSituation = (field: string): field is SituationField =>
  (SITUATION_FIELDS as readonly string[]).includes(field);
const isYesNo = (field: string): field is YesNoField =>
  (YES_NO_FIELDS as readonly string[]).includes(field);

function topicOf(field: string, open: readonly string[], state: InterviewState): Topic | undefined {
  if (isSituation(field)) {
    const fields: Topic & { kind: "situation" } = {
      kind: "situation",
      fields: open.filter(isSituation),
    };
    if (fields.fields.length >= 2) {
      const childItem =
        open.includes("children") &&
        state.childCareHome === undefined &&
        !state.skipped.includes(CHILD_IN_CARE_HOME);
      if (childItem) fields.fields.push(CHILD_IN_CARE_HOME);
      return fields;
    }
    return field === "nationality" ? { kind: "nationality" } : { kind: "yesNo", field };
  }
  if (isYesNo(field)) return { kind: "yesNo", field };
  if (field === "age") return { kind: "age" };
  const child = childFieldOf(field);
  if (child?.fact === "livesInCareHome") return { kind: "childCareHome", field };
  // A child's nationality is asked with the children themselves ("เด็กสัญชาติไทย").
  if (field === "children" || child) return { kind: "children" };
  if (field === "annualIncomePerPerson" || field === "financialAssets") {
    return { kind: "money", fields: MONEY_FIELDS.filter(money => open.includes(money)) };
  }
  if (field === "hardships") return { kind: "hardships" };
  return undefined;
}

/** The fields still unknown that some benefit of interest needs, minus those skipped. */
export function openFields(state: InterviewState): {
  fields: string[];
  benefits: { benefit: BenefitId; missing: string[] }[];
} {
  const needed = questionsNeeded(state.profile, state.benefits, {
    asOf: state.asOf,
    ...(state.rules ? { rules: state.rules } : {}),
  });
  const skipped = new Set(state.skipped);
  return {
    fields: needed.fields.filter(field => !skipped.has(field)),
    benefits: needed.benefits.map(({ benefit, missing }) => ({
      benefit,
      missing: missing.filter(field => !skipped.has(field)),
    })),
  };
}

/**
 * The next topic: the one that touches the most benefits still open (what rules out most
 * first), or undefined when nothing more can be asked. Fields no topic can ask (a criterion
 * newer than this interview) are returned in `unaskable` so the caller can skip them.
 */
export function nextTopic(state: InterviewState): { topic?: Topic; unaskable: string[] } {
  const { fields, benefits } = openFields(state);
  const candidates: { topic: Topic; weight: number }[] = [];
  const unaskable: string[] = [];
  for (const field of fields) {
    const topic = topicOf(field, fields, state);
    if (!topic) {
      unaskable.push(field);
      continue;
    }
    if (candidates.some(c => sameTopic(c.topic, topic))) continue;
    const covered = new Set(topicFields(topic, fields));
    const weight = benefits.filter(b => b.missing.some(f => covered.has(f))).length;
    candidates.push({ topic, weight });
  }
  candidates.sort(
    (a, b) =>
      b.weight - a.weight || TIE_ORDER.indexOf(a.topic.kind) - TIE_ORDER.indexOf(b.topic.kind),
  );
  return { ...(candidates[0] && { topic: candidates[0].topic }), unaskable };
}

function sameTopic(a: Topic, b: Topic): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "yesNo" || a.kind === "childCareHome") {
    return a.field === (b as typeof a).field;
  }
  return true;
}

/** The profile fields a topic answers (what "ไม่ทราบ" skips). */
export function topicFields(topic: Topic, open: readonly string[] = []): string[] {
  switch (topic.kind) {
    case "situation":
    case "money":
      return [...topic.fields];
    case "nationality":
      return ["nationality"];
    case "yesNo":
    case "childCareHome":
      return [topic.field];
    case "age":
      return ["age"];
    case "children":
      return ["children", ...open.filter(field => childFieldOf(field)?.fact === "nationality")];
    case "hardships":
      return ["hardships"];
  }
}

/** A span of ages that the chat offers as one button; every age in it decides alike. */
export interface AgeBand {
  from: number;
  to: number;
}

export const MAX_AGE = 130;
/** The bands people expect (ต่ำกว่า 60 / 60–69 / 70–79 / 80–89 / 90 ขึ้นไป). */
const BASE_BREAKS = [60, 70, 80, 90];
/** More buttons than this and typing the age is easier than reading them. */
const MAX_BANDS = 8;

/**
 * The age buttons for this person: the usual bands, each split where the engine's decisions
 * change inside it (18 for the welfare card, for example), so that any button settles the age.
 * Undefined when that would take too many buttons: then the age is typed.
 */
export function ageBands(state: InterviewState): AgeBand[] | undefined {
  const signature = (age: number) =>
    JSON.stringify(
      decideBenefits(
        { ...state.profile, age },
        {
          asOf: state.asOf,
          benefits: state.benefits,
          ...(state.rules ? { rules: state.rules } : {}),
        },
      ).map(({ decision }) => [
        decision.status,
        decision.monthlyAmount,
        decision.oneOffAmount,
        decision.missing,
      ]),
    );
  const breaks = new Set(BASE_BREAKS);
  let previous = signature(0);
  for (let age = 1; age <= MAX_AGE; age++) {
    const current = signature(age);
    if (current !== previous) breaks.add(age);
    previous = current;
  }
  const starts = [0, ...[...breaks].sort((a, b) => a - b)];
  if (starts.length > MAX_BANDS) return undefined;
  return starts.map((from, index) => ({ from, to: (starts[index + 1] ?? MAX_AGE + 1) - 1 }));
}
