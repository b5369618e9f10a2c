import { bangkokDate, BENEFIT_IDS, type BenefitId, type EligibilityProfile } from "@sa/core";
import type { FlowContext } from "../context";
import type { WelfareSession } from "../session";
import type { InterviewState } from "./topics";

/** The benefit groups offered first, so that nobody answers questions they did not need. */
export const INTERESTS: Record<string, readonly BenefitId[]> = {
  all: BENEFIT_IDS,
  elderly: ["old_age_allowance"],
  disability: ["disability_allowance"],
  child: ["child_support_grant"],
  card: ["state_welfare_card"],
  hardship: ["family_hardship_aid"],
  hiv: ["hiv_allowance"],
};

/** What the engine is asked about: this person's answers, today in Bangkok. */
export function interviewState(session: WelfareSession, ctx: FlowContext): InterviewState {
  return {
    profile: session.profile as EligibilityProfile,
    benefits: INTERESTS[session.interest ?? "all"] ?? BENEFIT_IDS,
    skipped: session.skipped ?? [],
    asOf: bangkokDate(ctx.now),
    ...(session.childCareHome && { childCareHome: session.childCareHome }),
    ...(ctx.welfareRules ? { rules: ctx.welfareRules } : {}),
  };
}
