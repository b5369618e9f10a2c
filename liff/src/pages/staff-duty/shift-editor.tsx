import { useState } from "preact/hooks";
import type { DutyPerson, DutyShift } from "@sa/core";
import { ErrorSummary } from "../../components/error-summary";
import { ChoiceGroup } from "../../components/field/choice-group";
import { SelectField } from "../../components/field/select-field";
import { TextField } from "../../components/field/text-field";
import { firstPerTarget, problemText, type Problem } from "../../forms/problems";
import { useLanguage } from "../../i18n/language-context";
import { checkShift, DAYS, FIELD_TARGETS, type ShiftForm } from "./shifts";

/**
 * One shift, added or edited: days, hours, who is on duty and their backup. Saving sends the
 * whole roster with this shift in it; the page says whether the server took it.
 */
export function ShiftEditor({
  initial,
  isNew,
  staff,
  busy,
  server,
  onSave,
  onRemove,
  onCancel,
}: {
  initial: ShiftForm;
  isNew: boolean;
  staff: readonly DutyPerson[];
  busy: boolean;
  /** What the server refused (a person no longer staff of the province), counted per save. */
  server: { problems: Problem[]; attempt: number };
  onSave: (shift: DutyShift) => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const [form, setForm] = useState(initial);
  const [checked, setChecked] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const problems = firstPerTarget([...checked, ...server.problems]);
  const error = (target: string) => problemText(problems, target, t);
  const set = (change: Partial<ShiftForm>) => setForm(current => ({ ...current, ...change }));
  const people = staff.map(person => ({ value: person.userId, label: person.name }));

  const submit = (event: Event) => {
    event.preventDefault();
    const result = checkShift(form);
    setChecked(result.problems);
    setAttempt(n => n + 1);
    if (result.shift) onSave(result.shift);
  };

  return (
    <form id="shift-form" class="card shift-editor" noValidate onSubmit={submit}>
      <h3>{isNew ? t("staff.duty.add") : t("staff.duty.editTitle")}</h3>
      <ErrorSummary
        attempt={attempt + server.attempt}
        errors={problems.map(p => ({ target: p.target, message: t(p.key, p.vars) }))}
      />
      {staff.length === 0 && <p class="notice">{t("staff.duty.noStaff")}</p>}
      <div class="day-choices">
        <ChoiceGroup
          name={FIELD_TARGETS.days}
          legend={t("staff.duty.days")}
          hint={t("staff.duty.daysHint")}
          multiple
          options={DAYS.map(day => ({
            value: String(day.value),
            label: t(`staff.duty.dayName.${day.key}`),
          }))}
          selected={form.days.map(String)}
          error={error(FIELD_TARGETS.days)}
          onToggle={(value, on) =>
            set({
              days: on
                ? [...form.days, Number(value)]
                : form.days.filter(day => day !== Number(value)),
            })
          }
        />
      </div>
      <div class="time-pair">
        <TextField
          id={FIELD_TARGETS.from}
          label={t("staff.duty.from")}
          type="time"
          value={form.from}
          error={error(FIELD_TARGETS.from)}
          onInput={from => set({ from })}
        />
        <TextField
          id={FIELD_TARGETS.to}
          label={t("staff.duty.to")}
          type="time"
          value={form.to}
          error={error(FIELD_TARGETS.to)}
          onInput={to => set({ to })}
        />
      </div>
      <p class="hint">{t("staff.duty.timeHint")}</p>
      <SelectField
        id={FIELD_TARGETS.userId}
        label={t("staff.duty.person")}
        value={form.userId}
        placeholder={t("forms.choose")}
        options={people}
        error={error(FIELD_TARGETS.userId)}
        onChange={userId => set({ userId })}
      />
      <SelectField
        id={FIELD_TARGETS.backupUserId}
        label={t("staff.duty.backup")}
        hint={t("staff.duty.backupHint")}
        value={form.backupUserId}
        placeholder={t("staff.duty.noBackupOption")}
        options={people}
        error={error(FIELD_TARGETS.backupUserId)}
        onChange={backupUserId => set({ backupUserId })}
      />
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t("common.sending") : t("staff.duty.save")}
        </button>
        <button type="button" class="button secondary" disabled={busy} onClick={onCancel}>
          {t("staff.duty.cancel")}
        </button>
        {!isNew && (
          <button type="button" class="button secondary danger" disabled={busy} onClick={onRemove}>
            {t("staff.duty.remove")}
          </button>
        )}
      </div>
    </form>
  );
}
