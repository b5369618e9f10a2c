import { ChoiceGroup } from "../../components/field/choice-group";
import { TextField } from "../../components/field/text-field";
import { useLanguage } from "../../i18n/language-context";
import type { StepProps } from "./step-props";
import type { VisitForm } from "./visit-form-state";

/**
 * How a visit, to a case or a household, ends: a follow-up date (the volunteer is reminded the
 * day before and on the day), or no follow-up with the reason. Required, so no visit silently
 * becomes the last one.
 */
export function NextStepField({ form, update, error }: StepProps) {
  const { t } = useLanguage();
  const next = form.nextStep;
  const set = (change: Partial<VisitForm["nextStep"]>) =>
    update(f => ({ ...f, nextStep: { ...f.nextStep, ...change } }));
  return (
    <div class="card">
      <ChoiceGroup
        name="v-next-step"
        legend={t("visit.nextStep.legend")}
        options={(["follow_up", "none"] as const).map(kind => ({
          value: kind,
          label: t(`visit.nextStep.${kind}`),
        }))}
        selected={[next.kind]}
        error={error("v-next-step")}
        onToggle={kind => set({ kind: kind as VisitForm["nextStep"]["kind"] })}
      />
      {next.kind === "follow_up" && (
        <TextField
          id="v-next-date"
          type="date"
          label={t("visit.nextStep.date")}
          value={next.date}
          onInput={date => set({ date })}
        />
      )}
      {next.kind === "none" && (
        <TextField
          id="v-next-reason"
          label={t("visit.nextStep.reason")}
          value={next.reason}
          onInput={reason => set({ reason })}
        />
      )}
    </div>
  );
}
