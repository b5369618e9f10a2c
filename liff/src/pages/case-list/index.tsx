import { useRef, useState } from "preact/hooks";
import { TitleRow } from "../../components/title-row";
import { categoryKey, byUrgencyThenAge, CASE_STATUSES, type CaseStatus } from "@sa/core";
import { listCases } from "../../api/endpoints";
import { useResource } from "../../api/use-resource";
import { SelectField } from "../../components/field/select-field";
import { Loading } from "../../components/loading";
import { ProblemScreen } from "../../components/status-screen";
import { timeAgo } from "../../forms/time-ago";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { placeName } from "../case-detail/place-name";

const PULL_TO_REFRESH_PX = 80;

/** The cases assigned to me, with a status filter and pull-to-refresh (and a button for it). */
export function CaseListPage() {
  const { t, language } = useLanguage();
  const { api } = useLiff();
  const [status, setStatus] = useState<CaseStatus | "">("");
  // Never kept on the phone: a lost or shared phone must not carry anyone's cases.
  const cases = useResource(() => listCases(api, status || undefined), [api, status]);
  const pull = useRef<number | null>(null);

  const onTouchStart = (event: TouchEvent) => {
    pull.current = window.scrollY === 0 ? (event.touches[0]?.clientY ?? null) : null;
  };
  const onTouchEnd = (event: TouchEvent) => {
    const start = pull.current;
    pull.current = null;
    const end = event.changedTouches[0]?.clientY;
    if (start !== null && end !== undefined && end - start > PULL_TO_REFRESH_PX) cases.reload();
  };

  return (
    <section aria-labelledby="cases-title" onTouchStart={onTouchStart} onTouchEnd={onTouchEnd}>
      <TitleRow id="cases-title" resource={cases}>
        {t("cases.title")}
      </TitleRow>
      <SelectField
        id="status-filter"
        label={t("cases.filter")}
        value={status}
        placeholder={t("cases.allStatuses")}
        options={CASE_STATUSES.map(s => ({ value: s, label: t(`caseStatus.${s}`) }))}
        onChange={value => setStatus(value as CaseStatus | "")}
      />
      {cases.loading && !cases.data && <Loading />}
      {cases.error !== undefined && <ProblemScreen error={cases.error} onRetry={cases.reload} />}
      {cases.data?.length === 0 && <p class="empty">{t("cases.none")}</p>}
      {cases.data && cases.data.length > 0 && (
        <ul class="case-list">
          {[...cases.data].sort(byUrgencyThenAge).map(c => (
            <li key={c.ticket}>
              <a class={`case-row${c.urgent ? " urgent" : ""}`} href={`/cases/${c.ticket}`}>
                <span class="case-row-top">
                  {c.urgent && <span class="badge urgent">{t("cases.urgent")}</span>}
                  <span class="ticket">{c.ticket}</span>
                  <span class={`badge status ${c.status}`}>{t(`caseStatus.${c.status}`)}</span>
                  {c.followUpOverdue && (
                    <span class="badge overdue">{t("cases.followUpOverdue")}</span>
                  )}
                </span>
                <span class="case-row-title">{t(`category.${categoryKey(c.category)}`)}</span>
                <span class="case-row-detail">
                  {placeName(c.area, language) ?? t("cases.noPlace")} ·{" "}
                  {timeAgo(c.createdAt, language)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
