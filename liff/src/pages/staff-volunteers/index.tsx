import { compareNames } from "@sa/core";
import type { ComponentChildren } from "preact";
import { TitleRow } from "../../components/title-row";
import { useState } from "preact/hooks";
import { approveVolunteer, listVolunteers, type StaffVolunteer } from "../../api/staff-endpoints";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { StaffNav } from "../../components/staff-nav";
import { ProblemScreen } from "../../components/status-screen";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { placeName } from "../case-detail/place-name";

/** Volunteers (อพม.) of the province: registrations to approve, and those already approved. */
export function StaffVolunteersPage() {
  const { t, language } = useLanguage();
  const { api } = useLiff();
  const volunteers = useResource(() => listVolunteers(api), [api]);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  const approve = async (volunteer: StaffVolunteer) => {
    setBusy(volunteer.userId);
    setMessage(null);
    try {
      // Approving twice is harmless: the server only sets the registration to approved.
      await approveVolunteer(api, volunteer.userId);
      setMessage({
        text: t("staff.volunteers.approvedOne", { name: volunteer.name }),
        failed: false,
      });
      volunteers.reload();
    } catch {
      setMessage({
        text: t("staff.volunteers.approveFailed", { name: volunteer.name }),
        failed: true,
      });
    } finally {
      setBusy(null);
    }
  };

  const byName = (a: StaffVolunteer, b: StaffVolunteer) => compareNames(language)(a.name, b.name);
  const list = volunteers.data ?? [];
  const pending = list.filter(v => v.registration === "pending").sort(byName);
  const approved = list.filter(v => v.registration === "approved").sort(byName);

  const card = (v: StaffVolunteer, action?: ComponentChildren) => (
    <li key={v.userId} class="card volunteer">
      <p class="volunteer-name">{v.name}</p>
      <p class="hint">
        {[
          v.volunteerNumber && t("staff.volunteers.number", { number: v.volunteerNumber }),
          placeName(v.area, language),
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {action}
    </li>
  );

  return (
    <section aria-labelledby="volunteers-title">
      <StaffNav current="/staff/volunteers" />
      <TitleRow id="volunteers-title" resource={volunteers}>
        {t("staff.volunteers.title")}
      </TitleRow>
      <p
        role="status"
        class={message ? `notice${message.failed ? " error" : " success"}` : "visually-hidden"}
      >
        {message?.text}
      </p>
      {volunteers.loading && !volunteers.data && <Loading />}
      {volunteers.error !== undefined && (
        <ProblemScreen
          error={volunteers.error}
          onRetry={volunteers.reload}
          forbidden={[t("staff.forbiddenTitle"), t("staff.forbiddenBody")]}
        />
      )}
      {volunteers.data && (
        <>
          <h2>{t("staff.volunteers.pending", { count: pending.length })}</h2>
          {pending.length === 0 ? (
            <p class="empty">{t("staff.volunteers.nonePending")}</p>
          ) : (
            <ul class="volunteer-list">
              {pending.map(v =>
                card(
                  v,
                  <button
                    type="button"
                    class="button primary"
                    disabled={busy !== null}
                    aria-label={t("staff.volunteers.approveLabel", { name: v.name })}
                    onClick={() => void approve(v)}
                  >
                    {busy === v.userId ? t("common.sending") : t("staff.volunteers.approve")}
                  </button>,
                ),
              )}
            </ul>
          )}
          <h2>{t("staff.volunteers.approved", { count: approved.length })}</h2>
          {approved.length === 0 ? (
            <p class="empty">{t("staff.volunteers.noneApproved")}</p>
          ) : (
            <ul class="volunteer-list">{approved.map(v => card(v))}</ul>
          )}
        </>
      )}
    </section>
  );
}
