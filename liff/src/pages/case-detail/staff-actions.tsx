import { useState } from "preact/hooks";
import { compareNames, type CaseDetail, type CaseStatus } from "@sa/core";
import { ApiError, NetworkError } from "../../api/api-error";
import { refusalKey } from "../../api/refusal-text";
import { assignVolunteer, changeStatus } from "../../api/case-endpoints";
import { listVolunteers } from "../../api/staff-endpoints";
import { useResource } from "../../api/use-resource";
import { ChoiceGroup } from "../../components/field/choice-group";
import { SelectField } from "../../components/field/select-field";
import { TextField } from "../../components/field/text-field";
import { useRetrySafe } from "../../forms/use-retry-safe";
import type { LiffKey } from "../../i18n/catalog";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { canAssign, statusMoves } from "./status-moves";
import { personKey } from "../../storage/phone-keys";

const MAX_NOTE = 1000;

/** What to tell staff when the server did not take a decision. */
function failureKey(error: unknown): LiffKey {
  if (error instanceof NetworkError) return "staff.case.offline";
  // A refusal that says why (a follow-up still open) is told as such, not as a conflict.
  if (error instanceof ApiError && error.body.code)
    return refusalKey(error.status, error.body.code);
  if (error instanceof ApiError && error.status === 409) return "staff.case.conflict";
  if (error instanceof ApiError && error.status === 403) return "staff.case.forbiddenBody";
  return "problem.genericBody";
}

/** Staff's part of a case: give it to a volunteer, move its status. */
export function StaffActions({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useLanguage();
  const [done, setDone] = useState("");
  const changed = (message: string) => {
    setDone(message);
    onChanged();
  };
  return (
    <section class="card" aria-labelledby="staff-actions">
      <h2 id="staff-actions">{t("staff.case.actions")}</h2>
      <p role="status" class={done ? "notice success" : "visually-hidden"}>
        {done}
      </p>
      {canAssign(detail.status) ? (
        <AssignForm
          detail={detail}
          onAssigned={name => changed(t("staff.case.assigned", { name }))}
        />
      ) : (
        <div class="staff-form">
          <h3>{t("staff.case.assignTitle")}</h3>
          <p class="hint">
            {t("staff.case.cannotAssign", { status: t(`caseStatus.${detail.status}`) })}
          </p>
        </div>
      )}
      <StatusForm
        detail={detail}
        onChanged={status =>
          changed(t("staff.case.statusSaved", { status: t(`caseStatus.${status}`) }))
        }
        onConflict={onChanged}
      />
    </section>
  );
}

function AssignForm({
  detail,
  onAssigned,
}: {
  detail: CaseDetail;
  onAssigned: (name: string) => void;
}) {
  const { t, language } = useLanguage();
  const { api, auth } = useLiff();
  const volunteers = useResource(() => listVolunteers(api), [api]);
  const [chosen, setChosen] = useState("");
  const [missing, setMissing] = useState(false);
  const sender = useRetrySafe(
    personKey(auth.userId, `pending.assign.${detail.ticket}`),
    (clientId, volunteerUserId: string) =>
      assignVolunteer(api, detail.ticket, { clientId, volunteerUserId }),
  );

  // Approved volunteers of the case's province (the national centre sees them all), those of
  // the case's district first.
  const province = detail.area?.provinceCode;
  const district = detail.area?.districtCode;
  const candidates = (volunteers.data ?? [])
    .filter(v => v.registration === "approved" && (!province || v.area?.provinceCode === province))
    .sort(
      (a, b) =>
        Number(b.area?.districtCode === district) - Number(a.area?.districtCode === district) ||
        compareNames(language)(a.name, b.name),
    );
  const options = candidates.map(v => ({
    value: v.userId,
    label: [v.name, v.area?.subDistrict ?? v.area?.district].filter(Boolean).join(" · "),
  }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const volunteer = candidates.find(v => v.userId === chosen);
    setMissing(!volunteer);
    if (!volunteer) return;
    if ((await sender.submit(volunteer.userId)).sent) {
      setChosen("");
      onAssigned(volunteer.name);
    }
  };

  return (
    <form
      class="staff-form"
      onSubmit={e => void submit(e)}
      noValidate
      aria-labelledby="assign-title"
    >
      <h3 id="assign-title">{t("staff.case.assignTitle")}</h3>
      {volunteers.error !== undefined && (
        <p class="notice error" role="alert">
          {t("staff.case.volunteersFailed")}
        </p>
      )}
      {volunteers.data && options.length === 0 ? (
        <p class="hint">{t("staff.case.noVolunteers")}</p>
      ) : (
        <>
          <SelectField
            id="assign-volunteer"
            label={t("staff.case.volunteer")}
            value={chosen}
            placeholder={volunteers.data ? t("area.choose") : t("common.loading")}
            disabled={!volunteers.data}
            options={options}
            error={missing ? t("staff.case.chooseVolunteer") : undefined}
            onChange={value => {
              setChosen(value);
              setMissing(false);
              sender.clearError();
            }}
          />
          {sender.error !== undefined && (
            <p class="notice error" role="alert">
              {t(failureKey(sender.error))}
            </p>
          )}
          <button type="submit" class="button primary" disabled={sender.busy || !volunteers.data}>
            {sender.busy ? t("common.sending") : t("staff.case.assign")}
          </button>
        </>
      )}
    </form>
  );
}

function StatusForm({
  detail,
  onChanged,
  onConflict,
}: {
  detail: CaseDetail;
  onChanged: (status: CaseStatus) => void;
  onConflict: () => void;
}) {
  const { t } = useLanguage();
  const { api, auth } = useLiff();
  const [status, setStatus] = useState<CaseStatus | "">("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<"status" | "note" | null>(null);
  const sender = useRetrySafe(
    personKey(auth.userId, `pending.status.${detail.ticket}`),
    (clientId, body: { status: CaseStatus; note?: string }) =>
      changeStatus(api, detail.ticket, { clientId, ...body }),
  );
  const moves = statusMoves(detail.status);
  // After a 409 the case is loaded again and the choice may no longer be offered.
  const picked = moves.find(move => move === status);

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = note.trim();
    const found = !picked ? "status" : trimmed.length > MAX_NOTE ? "note" : null;
    setProblem(found);
    if (found || !picked) return;
    const result = await sender.submit({ status: picked, ...(trimmed && { note: trimmed }) });
    if (result.sent) {
      setStatus("");
      setNote("");
      onChanged(picked);
    } else if (
      result.error instanceof ApiError &&
      result.error.status === 409 &&
      !result.error.body.code
    ) {
      // Someone else moved the case: show it as it is now, with the moves it allows now.
      onConflict();
    }
  };

  if (moves.length === 0) return null;
  return (
    <form
      class="staff-form"
      onSubmit={e => void submit(e)}
      noValidate
      aria-labelledby="status-title"
    >
      <h3 id="status-title">{t("staff.case.statusTitle")}</h3>
      <ChoiceGroup
        name="staff-status"
        legend={t("statusForm.status")}
        hint={t("staff.case.statusNow", { status: t(`caseStatus.${detail.status}`) })}
        options={moves.map(s => ({ value: s, label: t(`caseStatus.${s}`) }))}
        selected={[picked ?? ""]}
        error={problem === "status" ? t("statusForm.errors.status") : undefined}
        onToggle={value => {
          setStatus(value as CaseStatus);
          setProblem(null);
          sender.clearError();
        }}
      />
      <TextField
        id="staff-status-note"
        label={t("forms.note")}
        optional
        multiline
        value={note}
        error={problem === "note" ? t("forms.errors.tooLong") : undefined}
        onInput={setNote}
      />
      {sender.error !== undefined && (
        <p class="notice error" role="alert">
          {t(failureKey(sender.error))}
        </p>
      )}
      <button type="submit" class="button primary" disabled={sender.busy}>
        {sender.busy ? t("common.sending") : t("staff.case.saveStatus")}
      </button>
    </form>
  );
}
