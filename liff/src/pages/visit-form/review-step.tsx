import { formatAmount, TPMAP_DIMENSIONS } from "@sa/core";
import { parseTypedNumber } from "../../forms/numbers";
import { useLanguage } from "../../i18n/language-context";
import { BenefitsFound } from "../../components/benefits-found";
import type { VisitForm } from "./visit-form-state";

/** Everything on one screen before saving, each part with a way back to change it. */
export function ReviewStep({
  form,
  onEdit,
  ticket,
}: {
  form: VisitForm;
  onEdit: (step: number) => void;
  /** The case being visited, for "take them to apply"; none for a target household's visit. */
  ticket?: string;
}) {
  const { t } = useLanguage();
  const income = parseTypedNumber(form.monthlyIncome);
  const edit = (step: number) => (
    <button type="button" class="button ghost" onClick={() => onEdit(step)}>
      {t("visit.edit")}
    </button>
  );
  return (
    <>
      <dl class="card review">
        <div>
          <dt>{t("visit.step.members")}</dt>
          <dd>
            {t("timeline.visitMembers", { count: form.members.length })}
            <ul>
              {form.members.map((m, i) => (
                <li key={i}>
                  {t("visit.memberSummary", {
                    index: i + 1,
                    age: m.age,
                    sex: m.sex ? t(`visit.sexes.${m.sex}`) : "",
                  })}
                  {m.disability && ` · ${t("visit.disability")}`}
                  {m.chronicIllness && ` · ${t("visit.chronicIllness")}`}
                </li>
              ))}
            </ul>
            {edit(0)}
          </dd>
        </div>
        <div>
          <dt>{t("visit.step.home")}</dt>
          <dd>
            {form.housing && t(`visit.housingOptions.${form.housing}`)}
            {income !== undefined && !Number.isNaN(income) && (
              <> · {t("timeline.baht", { amount: formatAmount(income) })}</>
            )}
            {edit(1)}
          </dd>
        </div>
        <div>
          <dt>{t("visit.step.needs")}</dt>
          <dd>
            <ul>
              {TPMAP_DIMENSIONS.map(d => (
                <li key={d}>
                  {t(`dimension.${d}`)}:{" "}
                  {form.needs[d].level ? t(`visit.level.${form.needs[d].level}`) : "—"}
                  {/* Each dimension's own note too: what is saved is what was reviewed. */}
                  {form.needs[d].note.trim() && (
                    <p class="review-note">{form.needs[d].note.trim()}</p>
                  )}
                </li>
              ))}
            </ul>
            {edit(2)}
          </dd>
        </div>
        <div>
          <dt>{t("visit.step.notes")}</dt>
          <dd>
            {form.notes.trim() ? <p class="review-note">{form.notes.trim()}</p> : "—"}
            {t("visit.photoCount", { count: form.photos.length })} ·{" "}
            {form.gps ? t("visit.gpsYes") : t("visit.gpsNo")}
            {edit(3)}
          </dd>
        </div>
      </dl>
      <BenefitsFound form={form} {...(ticket && { ticket })} />
    </>
  );
}
