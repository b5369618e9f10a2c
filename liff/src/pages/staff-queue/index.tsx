import { useLocation } from "preact-iso";
import { TitleRow } from "../../components/title-row";
import { useState } from "preact/hooks";
import {
  categoryKey,
  isCaseCategory,
  CASE_CATEGORIES,
  CASE_STATUSES,
  type Me,
  type CaseStatus,
} from "@sa/core";
import {
  filterQuery,
  getQueue,
  type QueueCase,
  type QueueFilter,
  type QueuePage,
} from "../../api/staff-endpoints";
import { useResource } from "../../api/use-resource";
import { SelectField } from "../../components/field/select-field";
import { Loading } from "../../components/loading";
import { StaffNav } from "../../components/staff-nav";
import { ProblemScreen } from "../../components/status-screen";
import { timeAgo } from "../../forms/time-ago";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { placeName } from "../case-detail/place-name";
import { DistrictSelect } from "./district-select";
import { ExportButton } from "./export-button";

const isStatus = (value: string | undefined): value is CaseStatus =>
  (CASE_STATUSES as readonly string[]).includes(value ?? "");

/** The filter lives in the address (?status=new), so going back from a case keeps it. */
function filterFrom(query: Record<string, string>): QueueFilter {
  return {
    status: isStatus(query.status) ? query.status : undefined,
    category: isCaseCategory(query.category) ? query.category : undefined,
    districtCode: /^\d{4}$/.test(query.districtCode ?? "") ? query.districtCode : undefined,
  };
}

/** Staff home: the province's cases, overdue and new first, as the API orders them. */
export function StaffQueuePage({ me }: { me: Me }) {
  const { t, language } = useLanguage();
  const { api } = useLiff();
  const { query, route } = useLocation();
  const filter = filterFrom(query);
  const key = filterQuery(filter);
  const queue = useResource(() => getQueue(api, filter), [api, key]);
  // Older pages, fetched on request: opening the queue reads one page, however many cases.
  const [older, setOlder] = useState<QueuePage & { key: string }>();
  const more = older?.key === key ? older : undefined;
  const cases = queue.data && [...queue.data.cases, ...(more?.cases ?? [])];
  const next = more ? more.next : queue.data?.next;
  const [fetching, setFetching] = useState(false);
  const showOlder = () => {
    setFetching(true);
    getQueue(api, filter, next!)
      .then(page => {
        // A case that changed status between two pages could come on both: shown once.
        const shown = new Set(cases!.map(c => c.ticket));
        const added = page.cases.filter(c => !shown.has(c.ticket));
        setOlder({ ...page, cases: [...(more?.cases ?? []), ...added], key });
      })
      // A failed page leaves the button to try again; what is shown stays.
      .catch(() => undefined)
      .finally(() => setFetching(false));
  };
  // Open at first when a filter is on (back from a case); then as the person leaves it.
  const [filtersOpen] = useState(key !== "");
  // The district filter needs the address directory (70 KB gzip with its data): fetched when
  // the person first opens the filters, not on every visit to the queue.
  const [filtersShown, setFiltersShown] = useState(filtersOpen);
  const setFilter = (change: QueueFilter) =>
    route(`/${filterQuery({ ...filter, ...change })}`, true);
  const province =
    me.area && (language === "en" && me.area.provinceEn ? me.area.provinceEn : me.area.province);

  return (
    <section aria-labelledby="queue-title">
      <StaffNav current="/" />
      <TitleRow id="queue-title" resource={queue}>
        {province ? t("staff.queue.title", { province }) : t("staff.queue.titleNational")}
      </TitleRow>
      <details
        class="card filters"
        open={filtersOpen}
        onToggle={event => event.currentTarget.open && setFiltersShown(true)}
      >
        <summary>{t("staff.queue.filters")}</summary>
        <SelectField
          id="filter-status"
          label={t("staff.queue.status")}
          value={filter.status ?? ""}
          placeholder={t("cases.allStatuses")}
          options={CASE_STATUSES.map(s => ({ value: s, label: t(`caseStatus.${s}`) }))}
          onChange={value => setFilter({ status: isStatus(value) ? value : undefined })}
        />
        <SelectField
          id="filter-category"
          label={t("staff.queue.category")}
          value={filter.category ?? ""}
          placeholder={t("staff.queue.allCategories")}
          options={CASE_CATEGORIES.map(c => ({ value: c, label: t(`category.${c}`) }))}
          onChange={value => setFilter({ category: isCaseCategory(value) ? value : undefined })}
        />
        {me.area && filtersShown && (
          <DistrictSelect
            provinceCode={me.area.provinceCode}
            value={filter.districtCode ?? ""}
            onChange={districtCode => setFilter({ districtCode: districtCode || undefined })}
          />
        )}
      </details>
      <ExportButton filter={filter} />
      {queue.loading && !queue.data && <Loading />}
      {queue.error !== undefined && (
        <ProblemScreen
          error={queue.error}
          onRetry={queue.reload}
          forbidden={[t("staff.forbiddenTitle"), t("staff.forbiddenBody")]}
        />
      )}
      {cases && (
        <>
          <p class="hint" role="status">
            {cases.length === 0
              ? t("staff.queue.none")
              : t("staff.queue.count", { count: cases.length })}
          </p>
          {queue.data!.waitingCapped && <p class="hint">{t("staff.queue.waitingCapped")}</p>}
          <ul class="case-list" aria-busy={queue.loading}>
            {cases.map(c => (
              <QueueRow key={c.ticket} c={c} />
            ))}
          </ul>
          {next && (
            <button type="button" class="button" disabled={fetching} onClick={showOlder}>
              {t("staff.queue.more")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function QueueRow({ c }: { c: QueueCase }) {
  const { t, language } = useLanguage();
  return (
    <li>
      <a class={`case-row${c.urgent || c.overdue ? " urgent" : ""}`} href={`/cases/${c.ticket}`}>
        <span class="case-row-top">
          {c.overdue && <span class="badge overdue">{t("staff.queue.overdue")}</span>}
          {c.urgent && <span class="badge urgent">{t("cases.urgent")}</span>}
          <span class="ticket">{c.ticket}</span>
          <span class={`badge status ${c.status}`}>{t(`caseStatus.${c.status}`)}</span>
        </span>
        <span class="case-row-title">{t(`category.${categoryKey(c.category)}`)}</span>
        <span class="case-row-detail">
          {placeName(c.area, language) ?? t("cases.noPlace")} · {timeAgo(c.createdAt, language)}
        </span>
        <span class="case-row-detail">
          {c.assignee
            ? t("staff.assignee", { name: c.assignee.name })
            : t("staff.queue.unassigned")}
        </span>
      </a>
    </li>
  );
}
