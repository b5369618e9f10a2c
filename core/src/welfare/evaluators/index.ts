import type { BenefitId } from "../ids";
import { evaluateChildSupportGrant } from "./child-support-grant";
import type { Evaluator } from "./decision";
import { evaluateDisabilityAllowance } from "./disability-allowance";
import { evaluateFamilyHardshipAid } from "./family-hardship-aid";
import { evaluateHivAllowance } from "./hiv-allowance";
import { evaluateOldAgeAllowance } from "./old-age-allowance";
import { evaluateStateWelfareCard } from "./state-welfare-card";

export type { Decision, Evaluator } from "./decision";

/** The logic of each benefit kind; its numbers, dates and texts come from the rules files. */
export const EVALUATORS: { [B in BenefitId]: Evaluator<B> } = {
  old_age_allowance: evaluateOldAgeAllowance,
  disability_allowance: evaluateDisabilityAllowance,
  child_support_grant: evaluateChildSupportGrant,
  state_welfare_card: evaluateStateWelfareCard,
  family_hardship_aid: evaluateFamilyHardshipAid,
  hiv_allowance: evaluateHivAllowance,
};
