import type { Option } from "./select-field";

/** Radio buttons (one answer) or checkboxes (several) under one question, as a fieldset. */
export function ChoiceGroup({
  name,
  legend,
  options,
  selected,
  onToggle,
  multiple = false,
  error,
  hint,
}: {
  name: string;
  legend: string;
  options: readonly Option[];
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  multiple?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const describedBy = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ");
  return (
    <fieldset
      class={`field choice-group${error ? " has-error" : ""}`}
      id={name}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {options.map(option => {
        const id = `${name}-${option.value}`;
        return (
          <div class="choice" key={option.value}>
            <input
              type={multiple ? "checkbox" : "radio"}
              id={id}
              name={name}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={e => onToggle(option.value, e.currentTarget.checked)}
            />
            <label for={id}>{option.label}</label>
          </div>
        );
      })}
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** One answer of yes / no / not saying: unanswered questions stay out of the request. */
export type YesNo = "" | "yes" | "no";
export const yesNoValue = (answer: YesNo): boolean | undefined =>
  answer === "" ? undefined : answer === "yes";
