import * as z from "zod/mini";
import {
  bangkokDate,
  eligibilityRequestSchema,
  HARDSHIPS,
  parseAgeAnswer,
  parseTypedDate,
  type EligibilityRequest,
} from "@sa/core";
import { yesNoValue, type YesNo } from "../../components/field/choice-group";
import { parseTypedNumber } from "../../forms/numbers";
import { firstPerTarget, issuePath, type Problem } from "../../forms/problems";

const yesNoSchema = z.enum(["", "yes", "no"]);

/** The form as typed, kept as a draft; turned into a request only when checked. */
export const eligibilityFormSchema = z.object({
  age: z.string(),
  nationality: z.enum(["", "thai", "other"]),
  hasDisabilityCard: yesNoSchema,
  hasStateWelfareCard: yesNoSchema,
  receivesGovernmentPension: yesNoSchema,
  livesInStateCareHome: yesNoSchema,
  hivCertified: yesNoSchema,
  poorOrWithoutSupport: yesNoSchema,
  annualIncomePerPerson: z.string(),
  financialAssets: z.string(),
  hasChildren: yesNoSchema,
  children: z.array(
    // careHome: a state or private care home; drafts saved before it was asked lack it.
    z.object({ birthDate: z.string(), thai: yesNoSchema, careHome: z._default(yesNoSchema, "") }),
  ),
  hardships: z.array(z.enum(HARDSHIPS)),
  noHardship: z.boolean(),
});
export type EligibilityForm = z.infer<typeof eligibilityFormSchema>;

export const YES_NO_QUESTIONS = [
  "hasDisabilityCard",
  "hasStateWelfareCard",
  "receivesGovernmentPension",
  "livesInStateCareHome",
  "hivCertified",
  "poorOrWithoutSupport",
] as const;

export function emptyEligibilityForm(): EligibilityForm {
  return {
    age: "",
    nationality: "",
    hasDisabilityCard: "",
    hasStateWelfareCard: "",
    receivesGovernmentPension: "",
    livesInStateCareHome: "",
    hivCertified: "",
    poorOrWithoutSupport: "",
    annualIncomePerPerson: "",
    financialAssets: "",
    hasChildren: "",
    children: [],
    hardships: [],
    noHardship: false,
  };
}

// The checker only asks "Thai or not": for anyone else we send ZZ, the code ISO 3166 leaves
// for user assignment (CLDR's "unknown region"), rather than guessing a real country.
const nationalityCode = (answer: "" | "thai" | "other" | YesNo): string | undefined =>
  answer === "" ? undefined : answer === "thai" || answer === "yes" ? "TH" : "ZZ";

/** Element id of a child's birth date input. */
export const childBirthDateId = (index: number) => `child-${index}-birthDate`;

/**
 * Checks the form with the API's own schema (so the phone and the server agree on what is
 * valid) and names each mistake where the person can fix it.
 */
export function toEligibilityRequest(
  form: EligibilityForm,
): { request: EligibilityRequest; problems: [] } | { request?: undefined; problems: Problem[] } {
  // "Yes" with no child entered yet is not "no children": the grant stays unknown, not refused.
  const children =
    form.hasChildren === "yes" && form.children.length > 0
      ? form.children.map(child => ({
          // A date that cannot be read is passed on as typed, for the schema to refuse.
          birthDate: parseTypedDate(child.birthDate) ?? child.birthDate,
          ...(nationalityCode(child.thai) && { nationality: nationalityCode(child.thai) }),
          // Left unanswered, the grant stays unknown for this child rather than assumed.
          ...(child.careHome && { livesInCareHome: child.careHome === "yes" }),
        }))
      : form.hasChildren === "no"
        ? []
        : undefined;
  const hardships = form.noHardship ? [] : form.hardships.length > 0 ? form.hardships : undefined;
  // An age, a birth date or a Buddhist-era birth year; anything else is sent as NaN to be refused.
  const ageAnswer =
    form.age.trim() === ""
      ? {}
      : (parseAgeAnswer(form.age, bangkokDate(new Date())) ?? { age: Number.NaN });
  const candidate: Record<string, unknown> = {
    ...ageAnswer,
    nationality: nationalityCode(form.nationality),
    annualIncomePerPerson: parseTypedNumber(form.annualIncomePerPerson),
    financialAssets: parseTypedNumber(form.financialAssets),
    children,
    hardships,
  };
  for (const question of YES_NO_QUESTIONS) candidate[question] = yesNoValue(form[question]);
  const request = Object.fromEntries(
    Object.entries(candidate).filter(([, value]) => value !== undefined),
  );

  const parsed = eligibilityRequestSchema.safeParse(request);
  if (parsed.success) return { request: request as EligibilityRequest, problems: [] };
  const problems = parsed.error.issues.map((issue): Problem => {
    const path = issuePath(issue.path);
    const child = /^children\.(\d+)\.birthDate$/.exec(path);
    if (child) {
      const index = Number(child[1]);
      return {
        target: childBirthDateId(index),
        key: "eligibility.errors.childBirthDate",
        vars: { index: index + 1 },
      };
    }
    if (path === "age" || path === "birthDate" || path === "birthYearBE")
      return { target: "age", key: "eligibility.errors.age" };
    if (path === "annualIncomePerPerson")
      return { target: "annualIncomePerPerson", key: "eligibility.errors.income" };
    if (path === "financialAssets")
      return { target: "financialAssets", key: "eligibility.errors.assets" };
    if (path === "children") return { target: "hasChildren", key: "eligibility.errors.children" };
    return { target: "eligibility-form", key: "eligibility.errors.other" };
  });
  return { problems: firstPerTarget(problems) };
}
