import { compareIso } from "../../intl-once";
import { combineChecks, pass, thaiNationality } from "../checks";
import { message, type Message } from "../messages";
import type { RegistrationRound } from "../rule-schema";
import type { Evaluator } from "./decision";

/** Whether one can register on `asOf` is read from the rounds in the data, never assumed. */
function registrationNotes(rounds: readonly RegistrationRound[], asOf: string): Message[] {
  const span = (round: RegistrationRound) => ({
    opens: { date: round.opens },
    closes: { date: round.closes },
  });
  const open = rounds.find(round => round.opens <= asOf && asOf <= round.closes);
  if (open) return [message("welfareCard.note.roundOpen", span(open))];

  const last = rounds
    .filter(round => round.closes < asOf)
    .sort((a, b) => compareIso(b.closes, a.closes))[0];
  const next = rounds
    .filter(round => round.opens > asOf)
    .sort((a, b) => compareIso(a.opens, b.opens))[0];
  return [
    last
      ? message("welfareCard.note.roundClosed", span(last))
      : message("welfareCard.note.noRoundKnown"),
    ...(next ? [message("welfareCard.note.roundUpcoming", span(next))] : []),
  ];
}

/** Age, income and assets are data criteria; this adds the holder's case and the rounds. */
export const evaluateStateWelfareCard: Evaluator<"state_welfare_card"> = (
  rule,
  profile,
  asOf,
  criteria,
) => {
  if (profile.hasStateWelfareCard === true) {
    return {
      status: "eligible",
      missing: [],
      reasons: [message("welfareCard.reason.alreadyHolds")],
      notes: [],
    };
  }
  const result = combineChecks([
    rule.thaiOnly ? thaiNationality(profile.nationality) : pass(),
    ...criteria,
  ]);
  const rounds = registrationNotes(rule.registrationRounds, asOf);
  const roundOpen = rule.registrationRounds.some(
    round => round.opens <= asOf && asOf <= round.closes,
  );
  // Meeting the criteria is not holding the card: while no round is open, say so before anything.
  const closedFirst =
    result.status === "eligible" && !roundOpen
      ? [message("welfareCard.note.criteriaMetRegistrationClosed")]
      : [];
  return { ...result, notes: [...closedFirst, ...rounds] };
};
