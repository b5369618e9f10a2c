import { getProgress } from "../../api/household-staff-endpoints";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { StaffNav } from "../../components/staff-nav";
import { ProblemScreen } from "../../components/status-screen";
import { useHouseholdsText } from "./text";
import { useLiff } from "../../liff/liff-context";
import { AssignPanel } from "./assign-panel";
import { ImportPanel } from "./import-panel";
import { ProgressTable } from "./progress-table";

/** Target households of the province: import a list, assign visit rounds, follow progress. */
export function StaffHouseholdsPage() {
  const t = useHouseholdsText();
  const { api } = useLiff();
  const progress = useResource(() => getProgress(api), [api]);
  return (
    <>
      <StaffNav current="/staff/households" />
      <h1>{t("staff.title")}</h1>
      <ImportPanel onImported={progress.reload} />
      {progress.error !== undefined && (
        <ProblemScreen error={progress.error} onRetry={progress.reload} />
      )}
      {progress.loading && !progress.data && <Loading />}
      {progress.data && (
        <>
          <AssignPanel rows={progress.data} onAssigned={progress.reload} />
          <section class="card" aria-labelledby="progress-title">
            <h2 id="progress-title">{t("staff.progressTitle")}</h2>
            <ProgressTable rows={progress.data} />
          </section>
        </>
      )}
    </>
  );
}
