import { useEffect, useRef } from "preact/hooks";
import { useLanguage } from "../../i18n/language-context";

export interface FieldError {
  /** The id of the input (or fieldset) to go to. */
  target: string;
  message: string;
}

/**
 * Every mistake at the top of the form, each a link to its field, and focused when it appears
 * so that a screen reader reads it and a sighted person sees it without scrolling.
 */
export function ErrorSummary({ errors, attempt }: { errors: FieldError[]; attempt: number }) {
  const { t } = useLanguage();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) box.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div class="notice error" role="alert" tabIndex={-1} ref={box}>
      <h2>{t("common.fixErrors", { count: errors.length })}</h2>
      <ul>
        {errors.map(error => (
          <li key={error.target + error.message}>
            <a
              href={`#${error.target}`}
              onClick={event => {
                event.preventDefault();
                const element = document.getElementById(error.target);
                element?.scrollIntoView({ block: "center" });
                (element?.querySelector("input") ?? element)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
