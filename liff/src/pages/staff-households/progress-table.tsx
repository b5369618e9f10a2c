import type { ProgressRow } from "@sa/core";
import { progressCsv } from "../../api/household-staff-endpoints";
import { saveFile } from "../../forms/save-file";
import { useHouseholdsText } from "./text";
import { useLiff } from "../../liff/liff-context";

/** Visited, remaining and needs found per sub-district, then per village of it. */
export function ProgressTable({ rows }: { rows: ProgressRow[] }) {
  const t = useHouseholdsText();
  const { api } = useLiff();
  if (rows.length === 0) return <p class="empty">{t("staff.noHouseholds")}</p>;
  return (
    <>
      <div class="table-scroll">
        <table class="progress-table">
          <thead>
            <tr>
              <th scope="col">{t("staff.area")}</th>
              <th scope="col">{t("staff.total")}</th>
              <th scope="col">{t("staff.visited")}</th>
              <th scope="col">{t("staff.remaining")}</th>
              <th scope="col">{t("staff.needsFound")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(r => (
              <tr
                key={`${r.subDistrictCode}-${r.village ?? ""}`}
                class={r.village === null ? "total" : ""}
              >
                <th scope="row">
                  {r.village === null
                    ? r.subDistrict
                    : t("staff.villageRow", { village: r.village })}
                </th>
                <td>{r.total}</td>
                <td>{r.visited}</td>
                <td>{r.remaining}</td>
                <td>{r.needsFound}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        class="button secondary"
        onClick={() => void progressCsv(api).then(blob => saveFile(blob, "household-progress.csv"))}
      >
        {t("staff.export")}
      </button>
    </>
  );
}
