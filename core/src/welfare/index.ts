export { parseAgeAnswer } from "./age-answer";
export type { AgeAnswer } from "./age-answer";
export { assessEligibility, decideBenefits, possibleAges } from "./assess";
export type { AssessOptions, DecideOptions, DecidedBenefit } from "./assess";
export {
  BENEFIT_IDS,
  childCareHomeField,
  childFieldOf,
  childIndexOfField,
  CHILD_FIELDS,
  ELIGIBILITY_STATUSES,
  HARDSHIPS,
  PROFILE_FIELDS,
} from "./ids";
export type { BenefitId, EligibilityStatus, Hardship, ProfileField } from "./ids";
export { formatAmount } from "./messages";
export type { WelfareTranslate } from "./messages";
export { eligibilityRequestSchema, isoDateSchema, MAX_CHILDREN } from "./profile-schema";
export type { ChildProfile, EligibilityProfile, EligibilityRequest } from "./profile-schema";
export { questionsNeeded } from "./questions";
export type { QuestionsNeeded, QuestionsOptions } from "./questions";
export { eligibilityResponseSchema, eligibilityResultSchema } from "./response-schema";
export type { EligibilityResponse, EligibilityResult } from "./response-schema";
export { welfareRuleFileSchema, welfareRuleSchema } from "./rule-schema";
export type { RuleOf, WelfareRule, WelfareRuleInput } from "./rule-schema";
export {
  parseWelfareRules,
  ruleInForce,
  ruleVersionId,
  welfareRules,
  withPublished,
} from "./rules";
export { CRITERION_FIELDS, CRITERION_TESTS, criterionSchema, testsFor } from "./criteria";
export type { Criterion, CriterionField, CriterionTest, RuleMessage } from "./criteria";
export { answerOf, checkRuleVersion, runExamples } from "./examples";
export type { ExampleAnswer, ExampleOutcome, RuleCheck, RuleIssue } from "./examples";
export { ruleExampleSchema } from "./rule-schema";
export type { RuleExample } from "./rule-schema";
export type { WelfareRuleSet } from "./rules";
export { unclaimedBenefits } from "./visit-benefits";
export { memberProfile, REFERRAL_AGENCY_OF_BENEFIT } from "./visit-members";
export type { FoundBenefit, VisitHousehold, VisitMember } from "./visit-members";
