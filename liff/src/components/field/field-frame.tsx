import type { ComponentChildren } from "preact";

/** Label, hint and error around one input, wired together for screen readers. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  optional,
  optionalLabel,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  optionalLabel?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? " has-error" : ""}`}>
      <label for={id}>
        {label}
        {optional && optionalLabel && <span class="optional"> ({optionalLabel})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}
