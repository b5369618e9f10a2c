import { useLocation } from "preact-iso";
import { useEffect, useState } from "preact/hooks";
import type { DutyPerson, DutyShift } from "@sa/core";
import { ApiError } from "../../api/api-error";
import { getDutyRoster, saveDutyRoster, type DutyRosterView } from "../../api/staff-endpoints";
import { useMe } from "../../api/use-me";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { StaffNav } from "../../components/staff-nav";
import { ProblemScreen } from "../../components/status-screen";
import { TitleRow } from "../../components/title-row";
import type { Problem } from "../../forms/problems";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { ShiftEditor } from "./shift-editor";
import { daysText, hoursText, NEW_SHIFT, serverProblems, toForm } from "./shifts";
import "../../i18n/office-strings";

/** Which shift is open: its place in the roster, or "new" for one being added. */
type Editing = number | "new" | null;

/**
 * Staff: who is on duty for urgent reports, and the shifts of their province (or, for the
 * 1300 centre, the national roster). Each change saves the whole roster at once.
 */
export function StaffDutyPage() {
  const { t } = useLanguage();
  const { api } = useLiff();
  // Admins may open another province's roster: /staff/duty?province=50.
  const province = useLocation().query.province || undefined;
  const loaded = useResource(() => getDutyRoster(api, province), [api, province]);
  const [saved, setSaved] = useState<DutyRosterView | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [server, setServer] = useState({ problems: [] as Problem[], attempt: 0 });
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  // A reload shows the server's roster again, not the answer to the last save.
  useEffect(() => setSaved(null), [loaded.data]);
  const roster = saved ?? loaded.data;

  const open = (next: Editing) => {
    setEditing(next);
    setServer({ problems: [], attempt: 0 });
    setMessage(null);
  };

  /** Sends the roster with one shift replaced, added (index "new") or removed (shift null). */
  const save = async (index: Exclude<Editing, null>, shift: DutyShift | null) => {
    if (!roster) return;
    const shifts: DutyShift[] = roster.shifts.map(({ name: _n, backupName: _b, ...s }) => s);
    if (index === "new") shifts.push(shift!);
    else if (shift) shifts[index] = shift;
    else shifts.splice(index, 1);
    setBusy(true);
    setMessage(null);
    try {
      setSaved(await saveDutyRoster(api, { shifts }, province));
      setEditing(null);
      setMessage({ text: t(shift ? "staff.duty.saved" : "staff.duty.removed"), failed: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const at = index === "new" ? shifts.length - 1 : index;
        setServer(current => ({
          problems: serverProblems(error.body.errors, at),
          attempt: current.attempt + 1,
        }));
      } else setMessage({ text: t("staff.duty.saveFailed"), failed: true });
    } finally {
      setBusy(false);
    }
  };

  const editor = (index: Exclude<Editing, null>) =>
    roster && (
      <ShiftEditor
        key={String(index)}
        initial={index === "new" ? NEW_SHIFT : toForm(roster.shifts[index]!)}
        isNew={index === "new"}
        staff={roster.staff}
        busy={busy}
        server={server}
        onSave={shift => void save(index, shift)}
        onRemove={() => void save(index, null)}
        onCancel={() => open(null)}
      />
    );

  return (
    <section aria-labelledby="duty-title">
      <StaffNav current="/staff/duty" />
      <TitleRow id="duty-title" resource={loaded}>
        {t("staff.duty.title")}
      </TitleRow>
      {roster && <Scope rosterId={roster.rosterId} />}
      <p class="hint">{t("staff.duty.intro")}</p>
      <p
        role="status"
        class={message ? `notice${message.failed ? " error" : " success"}` : "visually-hidden"}
      >
        {message?.text}
      </p>
      {loaded.loading && !roster && <Loading />}
      {loaded.error !== undefined && (
        <ProblemScreen
          error={loaded.error}
          onRetry={loaded.reload}
          forbidden={[t("staff.forbiddenTitle"), t("staff.forbiddenBody")]}
        />
      )}
      {roster && (
        <>
          <OnDutyNow now={roster.onDutyNow} />
          <h2 id="duty-shifts">{t("staff.duty.shifts", { count: roster.shifts.length })}</h2>
          {roster.shifts.length === 0 && editing !== "new" && (
            <p class="empty">{t("staff.duty.none")}</p>
          )}
          <ul class="shift-list" aria-labelledby="duty-shifts">
            {roster.shifts.map((shift, index) => {
              const when = `${daysText(shift.days, t)} ${hoursText(shift, t)}`;
              return (
                <li key={`${index}-${shift.userId}-${shift.from}`}>
                  {editing === index ? (
                    editor(index)
                  ) : (
                    <div class="card shift">
                      <p class="shift-days">{daysText(shift.days, t)}</p>
                      <p class="shift-hours">{hoursText(shift, t)}</p>
                      <p>{t("staff.duty.personIs", { name: shift.name })}</p>
                      <p class="hint">
                        {shift.backupName === null
                          ? t("staff.duty.noBackup")
                          : t("staff.duty.backupIs", { name: shift.backupName })}
                      </p>
                      <button
                        type="button"
                        class="button secondary"
                        aria-label={t("staff.duty.editLabel", { when })}
                        onClick={() => open(index)}
                      >
                        {t("staff.duty.edit")}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          {editing === "new" && editor("new")}
          {editing === null && (
            <button type="button" class="button primary" onClick={() => open("new")}>
              {t("staff.duty.add")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** "จังหวัดเชียงใหม่", or the 1300 centre for the national roster. */
function Scope({ rosterId }: { rosterId: string }) {
  const { t, language } = useLanguage();
  const area = useMe().data?.area;
  const text =
    rosterId === "national"
      ? t("staff.duty.scopeNational")
      : area?.provinceCode === rosterId
        ? t("staff.duty.scopeProvince", {
            province: language === "en" && area.provinceEn ? area.provinceEn : area.province,
          })
        : t("staff.duty.scopeCode", { code: rosterId });
  return <p class="lead">{text}</p>;
}

function OnDutyNow({ now }: { now: { primary: DutyPerson[]; backup: DutyPerson[] } }) {
  const { t } = useLanguage();
  const names = (people: DutyPerson[]) => people.map(person => person.name).join(", ");
  return (
    <section class="card on-duty" aria-labelledby="duty-now">
      <h2 id="duty-now">{t("staff.duty.now")}</h2>
      {now.primary.length === 0 ? (
        <p class="notice">{t("staff.duty.nobody")}</p>
      ) : (
        <>
          <ul class="on-duty-names">
            {now.primary.map(person => (
              <li key={person.userId}>{person.name}</li>
            ))}
          </ul>
          {now.backup.length > 0 && (
            <p class="hint">{t("staff.duty.backupNow", { names: names(now.backup) })}</p>
          )}
        </>
      )}
    </section>
  );
}
