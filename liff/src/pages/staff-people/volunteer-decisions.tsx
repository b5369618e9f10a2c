import type { StaffVolunteer, VolunteerDecision } from "@sa/core";
import { useState } from "preact/hooks";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { decideVolunteer, listProvinceVolunteers } from "./people-endpoints";

/** What staff may decide for a volunteer in each state. */
const CHOICES: Record<StaffVolunteer["registration"], VolunteerDecision[]> = {
  none: [],
  pending: ["approve", "reject"],
  approved: ["suspend"],
  rejected: ["approve"],
  suspended: ["approve"],
};

/** Staff: the province's volunteers, approved, rejected or suspended with a reason they read. */
export function VolunteerDecisions({
  onNotice,
}: {
  onNotice: (text: string, failed: boolean) => void;
}) {
  const { t } = useLanguage();
  const { api } = useLiff();
  const volunteers = useResource(() => listProvinceVolunteers(api), [api]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const decide = async (volunteer: StaffVolunteer, decision: VolunteerDecision) => {
    const reason = (reasons[volunteer.userId] ?? "").trim();
    if (decision !== "approve" && !reason) {
      onNotice(t("people.reasonNeeded"), true);
      return;
    }
    setBusy(true);
    try {
      await decideVolunteer(api, volunteer.userId, decision, reason);
      onNotice(t(`people.decided.${decision}`, { name: volunteer.name }), false);
      volunteers.reload();
    } catch {
      onNotice(t("people.failed"), true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="volunteers-title">
      <h2 id="volunteers-title">{t("people.volunteersTitle")}</h2>
      {volunteers.loading && !volunteers.data && <Loading />}
      <ul class="outbox-list">
        {(volunteers.data ?? []).map(volunteer => (
          <li key={volunteer.userId} class="card volunteer-card">
            <p class="volunteer-name">{volunteer.name}</p>
            <p class="hint">
              {[
                t(`people.registration.${volunteer.registration}`),
                volunteer.area?.subDistrict,
                volunteer.volunteerNumber,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {volunteer.registrationReason && (
              <p class="hint">
                {t("people.reasonShown", { reason: volunteer.registrationReason })}
              </p>
            )}
            {CHOICES[volunteer.registration].some(d => d !== "approve") && (
              <label class="field">
                <span>{t("people.reason")}</span>
                <textarea
                  rows={2}
                  maxLength={500}
                  value={reasons[volunteer.userId] ?? ""}
                  onInput={e =>
                    setReasons({ ...reasons, [volunteer.userId]: e.currentTarget.value })
                  }
                />
              </label>
            )}
            {CHOICES[volunteer.registration].map(decision => (
              <button
                key={decision}
                type="button"
                class={`button ${decision === "approve" ? "primary" : "secondary"}`}
                disabled={busy}
                aria-label={t(`people.decide.${decision}Label`, { name: volunteer.name })}
                onClick={() => void decide(volunteer, decision)}
              >
                {t(`people.decide.${decision}`)}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
