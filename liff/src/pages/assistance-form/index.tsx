import * as z from "zod/mini";
import { problemText } from "../../forms/problems";
import { ASSISTANCE_TYPES, assistanceSchema, parseTypedDate } from "@sa/core";
import { CaseFormFrame } from "../../components/case-form-frame";
import { SelectField } from "../../components/field/select-field";
import { TextField } from "../../components/field/text-field";
import { todayTyped } from "../../forms/dates";
import { parseTypedNumber } from "../../forms/numbers";
import type { Problem } from "../../forms/problems";
import { useCaseForm } from "../../forms/use-case-form";
import { useLanguage } from "../../i18n/language-context";
import "../../i18n/casework-strings";

const formSchema = z.object({
  date: z.string(),
  type: z.string(),
  amount: z.string(),
  agency: z.string(),
  note: z.string(),
});

const PROBLEMS: Record<string, Problem> = {
  date: { target: "as-date", key: "assistance.errors.date" },
  type: { target: "as-type", key: "assistance.errors.type" },
  amount: { target: "as-amount", key: "assistance.errors.amount" },
  agency: { target: "as-agency", key: "assistance.errors.agency" },
  note: { target: "as-note", key: "forms.errors.tooLong" },
};

/** The logbook: one line per help given (date, kind, baht, who gave it). */
export function AssistanceFormPage({ ticket }: { ticket: string }) {
  const { t, language } = useLanguage();
  const form = useCaseForm({
    kind: "assistance",
    ticket,
    formSchema,
    initial: () => ({ date: todayTyped(language), type: "", amount: "", agency: "", note: "" }),
    requestSchema: assistanceSchema,
    toBody: (f, clientId) => ({
      clientId,
      date: parseTypedDate(f.date) ?? f.date,
      type: f.type,
      amount: parseTypedNumber(f.amount),
      agency: f.agency.trim(),
      ...(f.note.trim() && { note: f.note.trim() }),
    }),
    locate: path => PROBLEMS[path] ?? { target: "case-form", key: "forms.errors.other" },
  });
  const f = form.draft.data;
  const set = (change: Partial<typeof f>) => form.update(current => ({ ...current, ...change }));
  const error = (target: string) => problemText(form.problems, target, t);
  return (
    <CaseFormFrame ticket={ticket} title={t("assistance.title")} form={form}>
      <div class="card">
        <TextField
          id="as-date"
          label={t("assistance.date")}
          hint={t("forms.dateHint")}
          inputMode="numeric"
          value={f.date}
          error={error("as-date")}
          onInput={date => set({ date })}
        />
        <SelectField
          id="as-type"
          label={t("assistance.typeLabel")}
          value={f.type}
          placeholder={t("forms.choose")}
          options={ASSISTANCE_TYPES.map(type => ({
            value: type,
            label: t(`assistance.type.${type}`),
          }))}
          error={error("as-type")}
          onChange={type => set({ type })}
        />
        <TextField
          id="as-amount"
          label={t("assistance.amount")}
          hint={t("assistance.amountHint")}
          inputMode="decimal"
          value={f.amount}
          error={error("as-amount")}
          onInput={amount => set({ amount })}
        />
        <TextField
          id="as-agency"
          label={t("assistance.agency")}
          hint={t("assistance.agencyHint")}
          value={f.agency}
          error={error("as-agency")}
          onInput={agency => set({ agency })}
        />
        <TextField
          id="as-note"
          label={t("forms.note")}
          optional
          multiline
          value={f.note}
          error={error("as-note")}
          onInput={note => set({ note })}
        />
      </div>
      <button type="submit" class="button primary">
        {t("forms.save")}
      </button>
    </CaseFormFrame>
  );
}
