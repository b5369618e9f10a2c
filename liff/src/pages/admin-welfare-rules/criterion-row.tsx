import { CRITERION_FIELDS, HARDSHIPS, testsFor, type CriterionField } from "@sa/core";
import { SelectField } from "../../components/field/select-field";
import { TextField } from "../../components/field/text-field";
import { parseNumber } from "./rule-json";
import type { AdminText } from "./admin-text";

export type CriterionJson = Record<string, unknown> & {
  field?: unknown;
  test?: unknown;
  value?: unknown;
  fail?: unknown;
};

const BOOLEAN_VALUE = (field: string) =>
  !["nationality", "age", "annualIncomePerPerson", "financialAssets", "hardships"].includes(field);

/** A value of the kind a field takes, for a criterion whose field just changed. */
function defaultValue(field: CriterionField): unknown {
  if (field === "nationality") return "TH";
  if (field === "hardships") return [...HARDSHIPS];
  if (BOOLEAN_VALUE(field)) return true;
  return 0;
}

/** One criterion as form fields: what is checked, how, against what, and what to say. */
export function CriterionRow({
  index,
  criterion,
  onChange,
  onRemove,
  text,
}: {
  index: number;
  criterion: CriterionJson;
  onChange: (criterion: CriterionJson) => void;
  onRemove: () => void;
  text: AdminText;
}) {
  const { ta, name } = text;
  const field = String(criterion.field ?? "");
  const known = (CRITERION_FIELDS as readonly string[]).includes(field);
  const tests = known ? testsFor(field as CriterionField) : [];
  const id = `criterion-${index}`;
  const fail = (criterion.fail ?? {}) as Record<string, unknown>;
  const set = (change: Partial<CriterionJson>) => onChange({ ...criterion, ...change });

  let valueInput;
  if (field === "hardships") {
    valueInput = (
      <TextField
        id={`${id}-value`}
        label={ta("value")}
        hint={`${ta("hardshipsHint")}: ${HARDSHIPS.join(", ")}`}
        value={Array.isArray(criterion.value) ? criterion.value.join(", ") : ""}
        onInput={value =>
          set({
            value: value
              .split(",")
              .map(item => item.trim())
              .filter(Boolean),
          })
        }
      />
    );
  } else if (known && BOOLEAN_VALUE(field)) {
    valueInput = (
      <SelectField
        id={`${id}-value`}
        label={ta("value")}
        value={String(criterion.value)}
        options={[
          { value: "true", label: ta("yes") },
          { value: "false", label: ta("no") },
        ]}
        onChange={value => set({ value: value === "true" })}
      />
    );
  } else {
    valueInput = (
      <TextField
        id={`${id}-value`}
        label={ta("value")}
        inputMode={field === "nationality" ? "text" : "numeric"}
        value={String(criterion.value ?? "")}
        onInput={value => set({ value: field === "nationality" ? value : parseNumber(value) })}
      />
    );
  }

  return (
    <fieldset class="member">
      <legend>{ta("criterion", { index: index + 1 })}</legend>
      <SelectField
        id={`${id}-field`}
        label={ta("field")}
        value={field}
        options={CRITERION_FIELDS.map(f => ({ value: f, label: name(`field.${f}`) }))}
        onChange={value => {
          const next = value as CriterionField;
          set({ field: next, test: testsFor(next)[0], value: defaultValue(next) });
        }}
      />
      <SelectField
        id={`${id}-test`}
        label={ta("test")}
        value={String(criterion.test ?? "")}
        options={tests.map(test => ({ value: test, label: ta(`tests.${test}`) }))}
        onChange={test => set({ test })}
      />
      {valueInput}
      {"key" in fail ? (
        <p class="hint">{ta("catalogText", { key: String(fail.key) })}</p>
      ) : (
        <>
          <TextField
            id={`${id}-fail-th`}
            label={ta("failTh")}
            hint={ta("textHint")}
            value={String(fail.th ?? "")}
            onInput={th => set({ fail: { ...fail, th } })}
          />
          <TextField
            id={`${id}-fail-en`}
            label={ta("failEn")}
            value={String(fail.en ?? "")}
            onInput={en => set({ fail: { ...fail, en } })}
          />
        </>
      )}
      <button type="button" class="button secondary" onClick={onRemove}>
        {ta("removeCriterion", { index: index + 1 })}
      </button>
    </fieldset>
  );
}
