import type { BenefitId } from "@sa/core";
import { useLanguage } from "../../i18n/language-context";
import { ChoiceGroup } from "../field/choice-group";

/** What a person draws month by month or holds; one-off aid is not "already received". */
const RECEIVABLE = [
  "old_age_allowance",
  "disability_allowance",
  "child_support_grant",
  "state_welfare_card",
] as const satisfies readonly BenefitId[];

export interface ReceivesChoiceProps {
  /** The member's place in the form, for the fields' ids. */
  index: number;
  receives: readonly BenefitId[];
  onChange: (receives: BenefitId[]) => void;
}

/** "ได้รับสวัสดิการนี้อยู่แล้ว": a visit never suggests what the member already gets. */
export function ReceivesChoice({ index, receives, onChange }: ReceivesChoiceProps) {
  const { t } = useLanguage();
  return (
    <ChoiceGroup
      name={`member-${index}-receives`}
      legend={t("benefitsFound.receives")}
      multiple
      options={RECEIVABLE.map(benefit => ({
        value: benefit,
        label: t(`benefitsFound.receivable.${benefit}`),
      }))}
      selected={receives}
      onToggle={(value, on) =>
        onChange(on ? [...receives, value as BenefitId] : receives.filter(b => b !== value))
      }
    />
  );
}
