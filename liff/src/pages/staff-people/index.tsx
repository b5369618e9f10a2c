import { useState } from "preact/hooks";
import { useMe } from "../../api/use-me";
import { StaffNav } from "../../components/staff-nav";
import { useLanguage } from "../../i18n/language-context";
import { StaffAccounts } from "./staff-accounts";
import { VolunteerDecisions } from "./volunteer-decisions";
import "../../i18n/office-strings";

/**
 * People: staff decide on their province's volunteers (with a reason the volunteer reads in
 * LINE); admins also make people staff or admin and disable or enable accounts.
 */
export function StaffPeoplePage() {
  const { t } = useLanguage();
  const me = useMe();
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);
  const onNotice = (text: string, failed: boolean) => setNotice({ text, failed });
  return (
    <section aria-labelledby="people-title">
      <StaffNav current="/staff/people" />
      <h1 id="people-title">{t("people.title")}</h1>
      <p
        role="status"
        class={notice ? `notice${notice.failed ? " error" : " success"}` : "visually-hidden"}
      >
        {notice?.text}
      </p>
      {me.data?.role === "admin" && <StaffAccounts onNotice={onNotice} />}
      <VolunteerDecisions onNotice={onNotice} />
    </section>
  );
}
