import { useState } from "preact/hooks";
import { bangkokDate } from "@sa/core";
import { exportCsv, type QueueFilter } from "../../api/staff-endpoints";
import { saveFile } from "../../forms/save-file";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";

type ExportState =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; file: string }
  | { kind: "failed" };

/**
 * The filtered cases as a CSV file for Excel.
 */
export function ExportButton({ filter }: { filter: QueueFilter }) {
  const { t } = useLanguage();
  const { api } = useLiff();
  const [state, setState] = useState<ExportState>({ kind: "idle" });

  const download = async () => {
    setState({ kind: "busy" });
    try {
      const blob = await exportCsv(api, filter);
      const file = `cases-${bangkokDate(new Date())}.csv`;
      saveFile(blob, file);
      setState({ kind: "done", file });
    } catch {
      setState({ kind: "failed" });
    }
  };

  return (
    <div class="export">
      <button
        type="button"
        class="button secondary"
        onClick={() => void download()}
        disabled={state.kind === "busy"}
        aria-describedby="export-hint"
      >
        {state.kind === "busy" ? t("staff.queue.exporting") : t("staff.queue.export")}
      </button>
      <p class="hint" id="export-hint">
        {t("staff.queue.exportHint")}
      </p>
      <p role="status" class={state.kind === "failed" ? "field-error" : "hint"}>
        {state.kind === "done" && t("staff.queue.exported", { file: state.file })}
        {state.kind === "failed" && t("staff.queue.exportFailed")}
      </p>
    </div>
  );
}
