import { ELIGIBILITY_STATUSES } from "@sa/core";
import { useState } from "preact/hooks";
import { SelectField } from "../../components/field/select-field";
import { TextField } from "../../components/field/text-field";
import type { AdminText } from "./admin-text";
import { parseNumber } from "./rule-json";

type ExampleJson = Record<string, unknown>;

/** One example applicant and the answer the public rule gives them. */
export function ExampleRow({
  index,
  example,
  onChange,
  onRemove,
  text,
}: {
  index: number;
  example: ExampleJson;
  onChange: (example: ExampleJson) => void;
  onRemove: () => void;
  text: AdminText;
}) {
  const { ta } = text;
  const id = `example-${index}`;
  const expect = (example.expect ?? {}) as Record<string, unknown>;
  const [profileText, setProfileText] = useState(JSON.stringify(example.profile ?? {}));
  const [profileError, setProfileError] = useState<string>();
  const set = (change: ExampleJson) => onChange({ ...example, ...change });
  const setExpect = (change: Record<string, unknown>) => {
    const next = { ...expect, ...change };
    for (const key of Object.keys(next)) if (next[key] === "") delete next[key];
    set({ expect: next });
  };
  return (
    <fieldset class="member">
      <legend>{ta("example", { index: index + 1 })}</legend>
      <TextField
        id={`${id}-name`}
        label={ta("exampleName")}
        value={String(example.name ?? "")}
        onInput={name => set({ name })}
      />
      <TextField
        id={`${id}-profile`}
        label={ta("exampleProfile")}
        hint={ta("exampleProfileHint")}
        multiline
        value={profileText}
        error={profileError}
        onInput={value => {
          setProfileText(value);
          try {
            set({ profile: JSON.parse(value) as unknown });
            setProfileError(undefined);
          } catch {
            setProfileError(ta("jsonInvalid"));
          }
        }}
      />
      <SelectField
        id={`${id}-status`}
        label={ta("expectStatus")}
        value={String(expect.status ?? "")}
        options={ELIGIBILITY_STATUSES.map(status => ({
          value: status,
          label: ta(`answer.${status}`),
        }))}
        onChange={status => setExpect({ status })}
      />
      <TextField
        id={`${id}-monthly`}
        label={ta("expectMonthly")}
        inputMode="numeric"
        value={expect.monthlyAmount === undefined ? "" : String(expect.monthlyAmount)}
        onInput={value => setExpect({ monthlyAmount: parseNumber(value) })}
      />
      <button type="button" class="button secondary" onClick={onRemove}>
        {ta("removeExample", { index: index + 1 })}
      </button>
    </fieldset>
  );
}
