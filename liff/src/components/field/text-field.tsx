import { useLanguage } from "../../i18n/language-context";
import { describedBy, FieldFrame } from "./field-frame";

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
  inputMode?: "text" | "numeric" | "decimal" | "tel";
  /** "time": the phone's own clock picker; the value is "HH:MM", or "" until complete. */
  type?: "text" | "tel" | "time" | "date";
  autoComplete?: string;
  multiline?: boolean;
  placeholder?: string;
}

/**
 * Numbers are typed into text inputs with a numeric keyboard: a number input would throw
 * away Thai digits and "1,500", which people do type.
 */
export function TextField(props: TextFieldProps) {
  const { t } = useLanguage();
  const { id, value, error, hint } = props;
  const shared = {
    id,
    name: id,
    value,
    placeholder: props.placeholder,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <FieldFrame
      id={id}
      label={props.label}
      hint={hint}
      error={error}
      optional={props.optional ?? false}
      optionalLabel={t("common.optional")}
    >
      {props.multiline ? (
        <textarea {...shared} rows={4} />
      ) : (
        <input
          {...shared}
          type={props.type ?? "text"}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? "off"}
        />
      )}
    </FieldFrame>
  );
}
