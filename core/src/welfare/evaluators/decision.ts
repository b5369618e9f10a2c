import type { Check } from "../checks";
import type { BenefitId, EligibilityStatus } from "../ids";
import type { Message } from "../messages";
import type { EligibilityProfile } from "../profile-schema";
import type { RuleOf } from "../rule-schema";

/** An evaluator's answer for one benefit, before it is put into words. */
export interface Decision {
  status: EligibilityStatus;
  monthlyAmount?: number;
  oneOffAmount?: number;
  /** Fields still needed: for the status while it is unknown, then for the amount. */
  missing: string[];
  reasons: Message[];
  /** Notes that depend on the profile; the rule's own notes are added by the engine. */
  notes: Message[];
}

/**
 * What only code can say about a benefit kind (its amounts, per-child lines, registration
 * rounds). `criteria` are the version's data criteria, already checked on the profile.
 */
export type Evaluator<B extends BenefitId> = (
  rule: RuleOf<B>,
  profile: EligibilityProfile,
  asOf: string,
  criteria: readonly Check[],
) => Decision;
