import type { Dashboard } from "@sa/core";
import { useLanguage } from "../../i18n/language-context";

type Rows = { key: string; name: string; count: number }[];

function CountTable({
  id,
  caption,
  heading,
  rows,
}: {
  id: string;
  caption: string;
  heading: string;
  rows: Rows;
}) {
  const { t } = useLanguage();
  return (
    <div class="table-scroll">
      <table id={id} class="progress-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">{t("staff.dashboard.followUps.count")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(r => (
            <tr key={r.key}>
              <th scope="row">{r.name || t("staff.dashboard.followUps.unnamed")}</th>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Follow-up visits whose day has passed, per volunteer and per sub-district, so staff can call
 * the volunteer before a family is forgotten; the household rounds' progress is one tap away.
 */
export function FollowUpsPanel({ f }: { f: Dashboard["followUps"] }) {
  const { t } = useLanguage();
  return (
    <section class="card" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t("staff.dashboard.followUps.title")}</h2>
      <p class={f.overdue > 0 ? "notice error" : "hint"} role="status">
        {t("staff.dashboard.followUps.overdue", { count: f.overdue })}
      </p>
      {f.overdue > 0 && (
        <>
          <CountTable
            id="follow-ups-by-volunteer"
            caption={t("staff.dashboard.followUps.byVolunteer")}
            heading={t("staff.dashboard.followUps.volunteer")}
            rows={f.byVolunteer.map(v => ({ key: v.userId, name: v.name, count: v.count }))}
          />
          <CountTable
            id="follow-ups-by-sub-district"
            caption={t("staff.dashboard.followUps.bySubDistrict")}
            heading={t("staff.dashboard.followUps.subDistrict")}
            rows={f.bySubDistrict.map(s => ({ key: s.code, name: s.name, count: s.count }))}
          />
          {f.grouped < f.overdue && (
            <p class="hint">{t("staff.dashboard.followUps.oldest", { count: f.grouped })}</p>
          )}
        </>
      )}
      <a class="button secondary" href="/staff/households">
        {t("staff.dashboard.followUps.householdProgress")}
      </a>
    </section>
  );
}
