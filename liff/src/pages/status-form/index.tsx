import * as z from "zod/mini";
import { problemText } from "../../forms/problems";
import { VOLUNTEER_STATUSES, volunteerStatusSchema } from "@sa/core";
import { CaseFormFrame } from "../../components/case-form-frame";
import { ChoiceGroup } from "../../components/field/choice-group";
import { TextField } from "../../components/field/text-field";
import type { Problem } from "../../forms/problems";
import { useCaseForm } from "../../forms/use-case-form";
import { useLanguage } from "../../i18n/language-context";
import "../../i18n/casework-strings";

const formSchema = z.object({ status: z.string(), note: z.string() });

const PROBLEMS: Record<string, Problem> = {
  status: { target: "st-status", key: "statusForm.errors.status" },
  note: { target: "st-note", key: "forms.errors.tooLong" },
};

/** What a volunteer may say about a case: working on it, staff needed, or resolved. */
export function StatusFormPage({ ticket }: { ticket: string }) {
  const { t } = useLanguage();
  const form = useCaseForm({
    kind: "status",
    ticket,
    formSchema,
    initial: () => ({ status: "", note: "" }),
    requestSchema: volunteerStatusSchema,
    toBody: (f, clientId) => ({
      clientId,
      status: f.status,
      ...(f.note.trim() && { note: f.note.trim() }),
    }),
    locate: path => PROBLEMS[path] ?? { target: "case-form", key: "forms.errors.other" },
  });
  const f = form.draft.data;
  const error = (target: string) => problemText(form.problems, target, t);
  return (
    <CaseFormFrame ticket={ticket} title={t("statusForm.title")} form={form}>
      <div class="card">
        <ChoiceGroup
          name="st-status"
          legend={t("statusForm.status")}
          options={VOLUNTEER_STATUSES.map(s => ({ value: s, label: t(`caseStatus.${s}`) }))}
          selected={[f.status]}
          error={error("st-status")}
          onToggle={status => form.update(current => ({ ...current, status }))}
        />
        <TextField
          id="st-note"
          label={t("forms.note")}
          optional
          multiline
          value={f.note}
          error={error("st-note")}
          onInput={note => form.update(current => ({ ...current, note }))}
        />
      </div>
      <button type="submit" class="button primary">
        {t("forms.save")}
      </button>
    </CaseFormFrame>
  );
}
