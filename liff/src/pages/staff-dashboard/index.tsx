import { builtOnce, CASE_CATEGORIES, CASE_STATUSES, THAI_TIME_ZONE, type Language } from "@sa/core";
import { TitleRow } from "../../components/title-row";
import { getDashboard, type Dashboard } from "../../api/staff-endpoints";
import { useMe } from "../../api/use-me";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { StaffNav } from "../../components/staff-nav";
import { ProblemScreen } from "../../components/status-screen";
import { useLanguage } from "../../i18n/language-context";
import "../../i18n/office-strings";
import { useLiff } from "../../liff/liff-context";
import { BarChart } from "./bar-chart";
import { FollowUpsPanel } from "./follow-ups-panel";
import { formatMinutes } from "../../forms/duration";
import "../../i18n/office-strings";

/** "3–9 พ.ย.": the Monday-to-Sunday week, in Bangkok. */
function weekLabel(weekStart: string, language: Language): string {
  const start = new Date(weekStart);
  const end = new Date(start.getTime() + 6 * 86_400_000);
  return dayAndMonth(language).formatRange(start, end);
}

const dayAndMonth = builtOnce(
  locale =>
    new Intl.DateTimeFormat(locale, { timeZone: THAI_TIME_ZONE, day: "numeric", month: "short" }),
);

/** The province's numbers: how many, what kind, where they stand, how fast they are answered. */
export function StaffDashboardPage() {
  const { t } = useLanguage();
  const { api } = useLiff();
  const dashboard = useResource(() => getDashboard(api), [api]);

  return (
    <section aria-labelledby="dashboard-title">
      <StaffNav current="/staff/dashboard" />
      <TitleRow id="dashboard-title" resource={dashboard}>
        {t("staff.dashboard.title")}
      </TitleRow>
      <Scope />
      {dashboard.loading && !dashboard.data && <Loading />}
      {dashboard.error !== undefined && (
        <ProblemScreen
          error={dashboard.error}
          onRetry={dashboard.reload}
          forbidden={[t("staff.forbiddenTitle"), t("staff.forbiddenBody")]}
        />
      )}
      {dashboard.data && <Numbers d={dashboard.data} />}
    </section>
  );
}

function Scope() {
  const { t, language } = useLanguage();
  const area = useMe().data?.area;
  if (area === undefined) return null;
  return (
    <p class="lead">
      {area
        ? t("staff.dashboard.scopeProvince", {
            province: language === "en" && area.provinceEn ? area.provinceEn : area.province,
          })
        : t("staff.dashboard.scopeNational")}
    </p>
  );
}

function Numbers({ d }: { d: Dashboard }) {
  const { t, language } = useLanguage();
  const median = (minutes: number | null, key: "ack" | "resolve") =>
    minutes === null
      ? t(`staff.dashboard.${key}None`)
      : t(`staff.dashboard.${key}Median`, { time: formatMinutes(minutes, language) });
  const byCategory = CASE_CATEGORIES.map(c => ({
    label: t(`category.${c}`),
    value: d.byCategory[c],
  })).sort((a, b) => b.value - a.value);

  return (
    <>
      <dl class="stats">
        <div>
          <dt>{t("staff.dashboard.total")}</dt>
          <dd>{d.total}</dd>
        </div>
        <div class={d.overdue > 0 ? "alert" : undefined}>
          <dt>{t("staff.queue.overdue")}</dt>
          <dd>{d.overdue}</dd>
        </div>
      </dl>
      <FollowUpsPanel f={d.followUps} />
      <div class="card">
        <p class="median">{median(d.medianMinutesToAcknowledge, "ack")}</p>
        <p class="median">{median(d.medianMinutesToResolve, "resolve")}</p>
        <p class="hint">{t("staff.dashboard.medianHint", { count: d.sampleSize })}</p>
      </div>
      <BarChart
        id="chart-category"
        title={t("staff.dashboard.byCategory")}
        labelHeading={t("staff.queue.category")}
        bars={byCategory}
      />
      <BarChart
        id="chart-status"
        title={t("staff.dashboard.byStatus")}
        labelHeading={t("staff.queue.status")}
        bars={CASE_STATUSES.map(s => ({ label: t(`caseStatus.${s}`), value: d.byStatus[s] }))}
      />
      <BarChart
        id="chart-week"
        title={t("staff.dashboard.byWeek", { weeks: d.byWeek.length })}
        labelHeading={t("staff.dashboard.week")}
        bars={d.byWeek.map(w => ({ label: weekLabel(w.weekStart, language), value: w.count }))}
      />
      {d.benefitsFound.length > 0 && (
        <BarChart
          id="chart-benefits"
          title={t("staff.benefitsFound.title")}
          labelHeading={t("staff.benefitsFound.subDistrict")}
          bars={d.benefitsFound.map(b => ({ label: b.subDistrict, value: b.count }))}
        />
      )}
    </>
  );
}
