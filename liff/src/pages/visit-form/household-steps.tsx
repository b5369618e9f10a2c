import { TPMAP_DIMENSIONS } from "@sa/core";
import { ReceivedBenefits } from "../../components/benefits-found";
import { ChoiceGroup } from "../../components/field/choice-group";
import { TextField } from "../../components/field/text-field";
import { useLanguage } from "../../i18n/language-context";
import type { StepProps } from "./step-props";
import { emptyMember, memberFieldId, type MemberForm, type VisitForm } from "./visit-form-state";

const MAX_MEMBERS = 30;

export function MembersStep({ form, update, error }: StepProps) {
  const { t } = useLanguage();
  const setMember = (index: number, change: Partial<MemberForm>) =>
    update(f => ({
      ...f,
      members: f.members.map((m, i) => (i === index ? { ...m, ...change } : m)),
    }));
  return (
    <div id="members" tabIndex={-1}>
      {error("members") && <p class="field-error">{error("members")}</p>}
      {form.members.map((member, index) => (
        <fieldset class="card member" key={index}>
          <legend>{t("visit.member", { index: index + 1 })}</legend>
          <TextField
            id={memberFieldId(index, "age")}
            label={t("visit.age")}
            inputMode="numeric"
            value={member.age}
            error={error(memberFieldId(index, "age"))}
            onInput={age => setMember(index, { age })}
          />
          <ChoiceGroup
            name={memberFieldId(index, "sex")}
            legend={t("visit.sex")}
            options={(["female", "male", "other"] as const).map(sex => ({
              value: sex,
              label: t(`visit.sexes.${sex}`),
            }))}
            selected={[member.sex]}
            error={error(memberFieldId(index, "sex"))}
            onToggle={sex => setMember(index, { sex: sex as MemberForm["sex"] })}
          />
          <ChoiceGroup
            name={`member-${index}-conditions`}
            legend={t("visit.conditions")}
            multiple
            options={[
              { value: "disability", label: t("visit.disability") },
              { value: "chronicIllness", label: t("visit.chronicIllness") },
            ]}
            selected={[
              ...(member.disability ? ["disability"] : []),
              ...(member.chronicIllness ? ["chronicIllness"] : []),
            ]}
            onToggle={(value, on) => setMember(index, { [value]: on })}
          />
          <ReceivedBenefits
            index={index}
            receives={member.receives}
            onChange={receives => setMember(index, { receives })}
          />
          <TextField
            id={memberFieldId(index, "nationalId")}
            label={t("visit.nationalId")}
            hint={t("visit.nationalIdHint")}
            optional
            inputMode="numeric"
            value={member.nationalId}
            error={error(memberFieldId(index, "nationalId"))}
            onInput={nationalId => setMember(index, { nationalId })}
          />
          {form.members.length > 1 && (
            <button
              type="button"
              class="button secondary"
              onClick={() =>
                update(f => ({ ...f, members: f.members.filter((_, i) => i !== index) }))
              }
            >
              {t("visit.removeMember", { index: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {form.members.length < MAX_MEMBERS && (
        <button
          type="button"
          class="button secondary"
          onClick={() => update(f => ({ ...f, members: [...f.members, emptyMember()] }))}
        >
          {t("visit.addMember")}
        </button>
      )}
    </div>
  );
}

export function HomeStep({ form, update, error }: StepProps) {
  const { t } = useLanguage();
  return (
    <div class="card">
      <ChoiceGroup
        name="housing"
        legend={t("visit.housing")}
        options={(["stable", "needs_repair", "unsafe", "no_home"] as const).map(h => ({
          value: h,
          label: t(`visit.housingOptions.${h}`),
        }))}
        selected={[form.housing]}
        error={error("housing")}
        onToggle={housing => update(f => ({ ...f, housing: housing as VisitForm["housing"] }))}
      />
      <TextField
        id="v-income"
        label={t("visit.monthlyIncome")}
        hint={t("visit.monthlyIncomeHint")}
        inputMode="numeric"
        value={form.monthlyIncome}
        error={error("v-income")}
        onInput={monthlyIncome => update(f => ({ ...f, monthlyIncome }))}
      />
    </div>
  );
}

export function NeedsStep({ form, update, error }: StepProps) {
  const { t } = useLanguage();
  return (
    <>
      <p class="hint">{t("visit.needsHint")}</p>
      {TPMAP_DIMENSIONS.map(dimension => (
        <div class="card" key={dimension}>
          <ChoiceGroup
            name={`need-${dimension}`}
            legend={t(`dimension.${dimension}`)}
            hint={t(`visit.dimensionHint.${dimension}`)}
            options={(["none", "some", "urgent"] as const).map(level => ({
              value: level,
              label: t(`visit.level.${level}`),
            }))}
            selected={[form.needs[dimension].level]}
            error={error(`need-${dimension}`)}
            onToggle={level =>
              update(f => ({
                ...f,
                needs: {
                  ...f.needs,
                  [dimension]: {
                    ...f.needs[dimension],
                    level: level as "none" | "some" | "urgent",
                  },
                },
              }))
            }
          />
          <TextField
            id={`need-${dimension}-note`}
            label={t("visit.needNote")}
            optional
            value={form.needs[dimension].note}
            error={error(`need-${dimension}-note`)}
            onInput={note =>
              update(f => ({
                ...f,
                needs: { ...f.needs, [dimension]: { ...f.needs[dimension], note } },
              }))
            }
          />
        </div>
      ))}
    </>
  );
}
