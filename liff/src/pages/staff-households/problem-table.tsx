import type { ImportPreview } from "@sa/core";
import { useHouseholdsText } from "./text";

/** The check's findings: row, column, what is wrong (and the name we think was meant). */
export function ProblemTable({ preview }: { preview: ImportPreview }) {
  const t = useHouseholdsText();
  const more = preview.problemCount - preview.problems.length;
  return (
    <div class="table-scroll">
      <table class="problem-table">
        <caption>{t("staff.reportTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("staff.row")}</th>
            <th scope="col">{t("staff.column")}</th>
            <th scope="col">{t("staff.problemHeading")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.problems.map(p => (
            <tr key={`${p.row}-${p.column}-${p.code}`}>
              <td>{p.row}</td>
              <td>{p.column}</td>
              <td>
                {t(`problem.${p.code}`, p.firstRow ? { firstRow: p.firstRow } : {})}
                {p.value && ` (${p.value})`}
                {p.suggestion && ` — ${t("problem.suggestion", { name: p.suggestion })}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p class="hint">{t("staff.moreProblems", { count: more })}</p>}
    </div>
  );
}
