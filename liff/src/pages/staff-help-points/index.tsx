import type { HelpPointView } from "@sa/core";
import { useState } from "preact/hooks";
import { ApiError } from "../../api/api-error";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { StaffNav } from "../../components/staff-nav";
import { ProblemScreen } from "../../components/status-screen";
import { TitleRow } from "../../components/title-row";
import type { LiffKey } from "../../i18n/catalog";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { importHelpPoints, listHelpPoints, removeHelpPoint } from "./help-point-endpoints";
import "../../i18n/office-strings";

type Issue = { row: number; column: string; problem: string };
type Notice = { text: string; failed: boolean; issues?: Issue[] };

const PROBLEMS: Record<string, LiffKey> = {
  missing_column: "staff.helpPoints.problems.missing_column",
  missing: "staff.helpPoints.problems.missing",
  invalid: "staff.helpPoints.problems.invalid",
  duplicate_id: "staff.helpPoints.problems.duplicate_id",
  unreadable: "staff.helpPoints.problems.unreadable",
};

/**
 * Admin: the help points the chat's "ศูนย์ใกล้ฉัน" answers from. A CSV adds or replaces them by
 * id (all rows or none, with the faulty rows named); a help point can be removed here.
 */
export function StaffHelpPointsPage() {
  const { t } = useLanguage();
  const { api } = useLiff();
  const points = useResource(() => listHelpPoints(api), [api]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setNotice(null);
    try {
      const result = await importHelpPoints(api, await file.text());
      const { rows, created, updated } = result;
      setNotice({
        text: t("staff.helpPoints.imported", { rows, created, updated }),
        failed: false,
      });
      points.reload();
    } catch (error) {
      const issues = error instanceof ApiError ? error.body.issues : undefined;
      setNotice({
        text: t(issues ? "staff.helpPoints.importRefused" : "staff.helpPoints.importFailed"),
        failed: true,
        ...(issues && { issues }),
      });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (point: HelpPointView) => {
    if (!window.confirm(t("staff.helpPoints.removeConfirm", { name: point.name }))) return;
    setBusy(true);
    try {
      await removeHelpPoint(api, point.id);
      setNotice({ text: t("staff.helpPoints.removed", { name: point.name }), failed: false });
      points.reload();
    } catch {
      setNotice({ text: t("staff.helpPoints.removeFailed"), failed: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="help-points-title">
      <StaffNav current="/staff/help-points" />
      <TitleRow id="help-points-title" resource={points}>
        {t("staff.helpPoints.title")}
      </TitleRow>
      <p class="lead">{t("staff.helpPoints.intro")}</p>
      <label class="field">
        <span>{t("staff.helpPoints.importLabel")}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={event => {
            const file = (event.currentTarget as HTMLInputElement).files?.[0];
            if (file) void upload(file);
          }}
        />
        <span class="hint">{t("staff.helpPoints.importHint")}</span>
      </label>
      <div
        role="status"
        class={notice ? `notice${notice.failed ? " error" : " success"}` : "visually-hidden"}
      >
        {notice?.text}
        {notice?.issues && (
          <table class="chart-table">
            <thead>
              <tr>
                <th>{t("staff.helpPoints.row")}</th>
                <th>{t("staff.helpPoints.column")}</th>
                <th>{t("staff.helpPoints.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {notice.issues.map(issue => (
                <tr key={`${issue.row}-${issue.column}`}>
                  <td>{issue.row}</td>
                  <td>{issue.column}</td>
                  <td>{PROBLEMS[issue.problem] ? t(PROBLEMS[issue.problem]!) : issue.problem}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {points.loading && !points.data && <Loading />}
      {points.error !== undefined && (
        <ProblemScreen
          error={points.error}
          onRetry={points.reload}
          forbidden={[t("staff.adminOnlyTitle"), t("staff.adminOnlyBody")]}
        />
      )}
      {points.data?.length === 0 && <p class="empty">{t("staff.helpPoints.none")}</p>}
      {points.data && points.data.length > 0 && (
        <ul class="outbox-list">
          {points.data.map(point => (
            <li key={point.id} class="card">
              <p class="case-row-top">
                <span class="badge">{t(`staff.helpPoints.kinds.${point.kind}`)}</span>
                {point.demo && <span class="badge overdue">{t("staff.helpPoints.demo")}</span>}
              </p>
              <p class="volunteer-name">{point.name}</p>
              <p class="hint">{point.address}</p>
              <p class="hint">
                {[
                  t("staff.helpPoints.phone", { phone: point.phone }),
                  t("staff.helpPoints.hours", { hours: point.hours }),
                  point.subDistrictCode,
                ].join(" · ")}
              </p>
              <button
                type="button"
                class="button secondary"
                disabled={busy}
                aria-label={t("staff.helpPoints.removeLabel", { name: point.name })}
                onClick={() => void remove(point)}
              >
                {t("staff.helpPoints.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
