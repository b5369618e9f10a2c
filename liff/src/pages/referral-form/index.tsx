import * as z from "zod/mini";
import { problemText } from "../../forms/problems";
import { REFERRAL_AGENCIES, referralSchema } from "@sa/core";
import { CaseFormFrame } from "../../components/case-form-frame";
import { SelectField } from "../../components/field/select-field";
import { TextField } from "../../components/field/text-field";
import type { Problem } from "../../forms/problems";
import { useCaseForm } from "../../forms/use-case-form";
import { useLanguage } from "../../i18n/language-context";
import "../../i18n/casework-strings";

const formSchema = z.object({ agency: z.string(), reason: z.string() });

const PROBLEMS: Record<string, Problem> = {
  agency: { target: "rf-agency", key: "referral.errors.agency" },
  reason: { target: "rf-reason", key: "referral.errors.reason" },
};

/** Hands the case to an agency that can do more (hospital, police, shelter...). */
export function ReferralFormPage({ ticket }: { ticket: string }) {
  const { t } = useLanguage();
  const form = useCaseForm({
    kind: "referral",
    ticket,
    formSchema,
    initial: () => ({ agency: "", reason: "" }),
    requestSchema: referralSchema,
    toBody: (f, clientId) => ({ clientId, agency: f.agency, reason: f.reason.trim() }),
    locate: path => PROBLEMS[path] ?? { target: "case-form", key: "forms.errors.other" },
  });
  const f = form.draft.data;
  const error = (target: string) => problemText(form.problems, target, t);
  return (
    <CaseFormFrame ticket={ticket} title={t("referral.title")} form={form}>
      <div class="card">
        <SelectField
          id="rf-agency"
          label={t("referral.agencyLabel")}
          value={f.agency}
          placeholder={t("forms.choose")}
          options={REFERRAL_AGENCIES.map(a => ({ value: a, label: t(`referral.agency.${a}`) }))}
          error={error("rf-agency")}
          onChange={agency => form.update(current => ({ ...current, agency }))}
        />
        <TextField
          id="rf-reason"
          label={t("referral.reason")}
          multiline
          value={f.reason}
          error={error("rf-reason")}
          onInput={reason => form.update(current => ({ ...current, reason }))}
        />
      </div>
      <button type="submit" class="button primary">
        {t("forms.save")}
      </button>
    </CaseFormFrame>
  );
}
