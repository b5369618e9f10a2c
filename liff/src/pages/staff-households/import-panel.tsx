import { useState } from "preact/hooks";
import {
  HOUSEHOLD_COLUMNS,
  type HeaderMapping,
  type HouseholdColumn,
  type ImportJobView,
  type ImportPreview,
} from "@sa/core";
import {
  getImportJob,
  householdTemplate,
  previewImport,
  runImport,
  type ListFile,
} from "../../api/household-staff-endpoints";
import { ApiError } from "../../api/api-error";
import { SelectField } from "../../components/field/select-field";
import { saveFile } from "../../forms/save-file";
import { useHouseholdsText } from "./text";
import { useLiff } from "../../liff/liff-context";
import { newClientId } from "../../offline/client-id";
import { ProblemTable } from "./problem-table";

type Stage =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "checked"; preview: ImportPreview }
  | { kind: "importing"; preview: ImportPreview; job: ImportJobView | null }
  | { kind: "done"; job: ImportJobView }
  | { kind: "failed"; key: "staff.unreadable" | "staff.failed" };

const POLL_MS = 1000;

async function readFile(file: File): Promise<ListFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { fileName: file.name, content: btoa(binary) };
}

/**
 * Upload → check (nothing written) → map columns if the list is laid out differently →
 * import the rows without problems, with progress read from the import job while it runs.
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const t = useHouseholdsText();
  const { api } = useLiff();
  const [file, setFile] = useState<ListFile | null>(null);
  const [mapping, setMapping] = useState<HeaderMapping>({});
  const [stage, setStage] = useState<Stage>({ kind: "idle" });

  const check = async (list: ListFile, chosen: HeaderMapping) => {
    setStage({ kind: "checking" });
    try {
      setStage({ kind: "checked", preview: await previewImport(api, list, chosen) });
    } catch (error) {
      const unreadable = error instanceof ApiError && error.status === 400;
      setStage({
        kind: "failed",
        key: unreadable ? "staff.unreadable" : "staff.failed",
      });
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    const list = await readFile(chosen);
    setFile(list);
    setMapping({});
    await check(list, {});
  };

  const start = async (preview: ImportPreview) => {
    if (!file) return;
    const id = newClientId();
    setStage({ kind: "importing", preview, job: null });
    let running = true;
    const poll = async () => {
      while (running) {
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
        const job = await getImportJob(api, id).catch(() => null);
        if (running && job) setStage({ kind: "importing", preview, job });
      }
    };
    void poll();
    try {
      const job = await runImport(api, file, { ...preview.mapping, ...mapping }, id);
      setStage({ kind: "done", job });
      onImported();
    } catch {
      setStage({ kind: "failed", key: "staff.failed" });
    } finally {
      running = false;
    }
  };

  const downloadTemplate = async () => {
    saveFile(await householdTemplate(api), "target-households.csv");
  };

  const preview = stage.kind === "checked" || stage.kind === "importing" ? stage.preview : null;
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t("staff.importTitle")}</h2>
      <p class="hint">{t("staff.importHint")}</p>
      <button type="button" class="button secondary" onClick={() => void downloadTemplate()}>
        {t("staff.template")}
      </button>
      <label class="field" for="household-file">
        <span class="label">{t("staff.file")}</span>
        <input
          id="household-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={e => void choose(e.currentTarget)}
        />
      </label>
      {stage.kind === "checking" && <p role="status">{t("staff.checking")}</p>}
      {stage.kind === "failed" && (
        <p class="notice error" role="alert">
          {t(stage.key)}
        </p>
      )}
      {preview && preview.missing.length > 0 && file && (
        <MappingStep
          preview={preview}
          mapping={mapping}
          onChange={setMapping}
          onRecheck={() => void check(file, mapping)}
        />
      )}
      {preview && preview.missing.length === 0 && (
        <>
          <p role="status" class="import-summary">
            {t("staff.summary", {
              rows: preview.rowCount,
              valid: preview.validCount,
              problems: preview.problemCount,
            })}
          </p>
          {preview.problems.length > 0 && <ProblemTable preview={preview} />}
          <p class="hint">{t("staff.skipNote")}</p>
          {stage.kind === "checked" && preview.validCount > 0 && (
            <button type="button" class="button primary" onClick={() => void start(preview)}>
              {t("staff.importButton", { count: preview.validCount })}
            </button>
          )}
        </>
      )}
      {stage.kind === "importing" && (
        <p role="status">
          <progress max={stage.preview.validCount} value={stage.job?.written ?? 0} />{" "}
          {t("staff.importing", {
            written: stage.job?.written ?? 0,
            total: stage.preview.validCount,
          })}
        </p>
      )}
      {stage.kind === "done" && (
        <p class="notice" role="status">
          {t("staff.imported", {
            created: stage.job.created,
            updated: stage.job.updated,
            skipped: stage.job.skipped,
          })}
        </p>
      )}
    </section>
  );
}

function MappingStep(props: {
  preview: ImportPreview;
  mapping: HeaderMapping;
  onChange: (mapping: HeaderMapping) => void;
  onRecheck: () => void;
}) {
  const t = useHouseholdsText();
  const { preview, mapping } = props;
  const columns = HOUSEHOLD_COLUMNS.filter(
    c => preview.missing.includes(c) || mapping[c] !== undefined,
  );
  const set = (column: HouseholdColumn, header: string) => {
    const next = { ...mapping };
    if (header) next[column] = header;
    else delete next[column];
    props.onChange(next);
  };
  return (
    <fieldset class="mapping">
      <legend>{t("staff.mappingTitle")}</legend>
      <p class="hint">{t("staff.mappingHint")}</p>
      {columns.map(column => (
        <SelectField
          key={column}
          id={`map-${column}`}
          label={t(`column.${column}`)}
          value={mapping[column] ?? ""}
          placeholder={t("staff.mappingNone")}
          options={preview.headers.map(h => ({ value: h, label: h }))}
          onChange={value => set(column, value)}
        />
      ))}
      <button type="button" class="button primary" onClick={props.onRecheck}>
        {t("staff.recheck")}
      </button>
    </fieldset>
  );
}
