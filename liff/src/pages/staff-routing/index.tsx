import { compareNames } from "@sa/core";
import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { getRouting } from "../../api/staff-endpoints";
import { useResource } from "../../api/use-resource";
import { SelectField } from "../../components/field/select-field";
import { Loading } from "../../components/loading";
import { StaffNav } from "../../components/staff-nav";
import { ProblemScreen } from "../../components/status-screen";
import { formatMinutes } from "../../forms/duration";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { routingName, routingOrder, useProvinces } from "./province-names";
import "../../i18n/office-strings";

/** Admin: who hears of new reports in each province, whom to escalate to, and how soon. */
export function StaffRoutingPage() {
  const { t, language } = useLanguage();
  const { api } = useLiff();
  const { route } = useLocation();
  const routing = useResource(() => getRouting(api), [api]);
  const provinces = useProvinces(language);
  const [adding, setAdding] = useState("");

  const name = (id: string) => routingName(id, provinces, t);
  const rows = [...(routing.data ?? [])].sort(
    (a, b) =>
      routingOrder(a.id).localeCompare(routingOrder(b.id)) ||
      compareNames(language)(name(a.id), name(b.id)),
  );
  const taken = new Set(rows.map(row => row.id));
  const addable = [
    ...(["national", "default"] as const)
      .filter(id => !taken.has(id))
      .map(id => ({ value: id, label: name(id) })),
    ...provinces.filter(p => !taken.has(p.code)).map(p => ({ value: p.code, label: name(p.code) })),
  ];

  return (
    <section aria-labelledby="routing-title">
      <StaffNav current="/staff/routing" />
      <h1 id="routing-title">{t("staff.routing.title")}</h1>
      <p class="lead">{t("staff.routing.intro")}</p>
      {routing.loading && !routing.data && <Loading />}
      {routing.error !== undefined && (
        <ProblemScreen
          error={routing.error}
          onRetry={routing.reload}
          forbidden={[t("staff.adminOnlyTitle"), t("staff.adminOnlyBody")]}
        />
      )}
      {routing.data && (
        <>
          {rows.length === 0 && <p class="empty">{t("staff.routing.none")}</p>}
          <ul class="routing-list">
            {rows.map(row => (
              <li key={row.id} class="card">
                <h2>{name(row.id)}</h2>
                <p>
                  {t("staff.routing.summary", {
                    staff: row.staff.length,
                    escalation: row.escalation.length,
                  })}
                </p>
                <p class="hint">
                  {t("staff.routing.ackSummary", {
                    urgent: formatMinutes(row.ackMinutes.urgent, language),
                    normal: formatMinutes(row.ackMinutes.normal, language),
                  })}
                </p>
                <a
                  class="button secondary"
                  href={`/staff/routing/${row.id}`}
                  aria-label={t("staff.routing.editLabel", { name: name(row.id) })}
                >
                  {t("staff.routing.edit")}
                </a>
              </li>
            ))}
          </ul>
          <form
            class="card"
            onSubmit={event => {
              event.preventDefault();
              if (adding) route(`/staff/routing/${adding}`);
            }}
          >
            <h2>{t("staff.routing.add")}</h2>
            <SelectField
              id="routing-add"
              label={t("staff.routing.addWhich")}
              value={adding}
              placeholder={t("area.choose")}
              options={addable}
              onChange={setAdding}
            />
            <button type="submit" class="button primary" disabled={!adding}>
              {t("staff.routing.addGo")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
