import type { ComponentChildren } from "preact";
import { useLanguage } from "../../i18n/language-context";
import type { Problem } from "../../forms/problems";
import { ErrorSummary } from "../error-summary";
import { useOnline } from "../layout/use-online";

/** The frame every case form shares: title, mistakes, the draft promise, offline notice. */
export function CaseFormFrame({
  ticket,
  title,
  form,
  problems = form.problems,
  onSubmit = form.submit,
  back,
  children,
}: {
  ticket: string;
  /** The link above the title; the case by default. */
  back?: { href: string; label: string };
  title: string;
  /** What `useCaseForm` returns: mistakes, attempts, draft state and the submit. */
  form: {
    problems: Problem[];
    attempt: number;
    saved: boolean;
    storageFull: boolean;
    submit: () => void;
  };
  /** The visit form names its own problems and moves between steps before it submits. */
  problems?: Problem[];
  onSubmit?: () => void;
  children: ComponentChildren;
}) {
  const { attempt, saved, storageFull } = form;
  const { t } = useLanguage();
  const online = useOnline();
  return (
    <form
      id="case-form"
      noValidate
      onSubmit={event => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <p class="breadcrumb">
        {back ? (
          <a href={back.href}>{back.label}</a>
        ) : (
          <a href={`/cases/${ticket}`}>{t("case.backToCase", { ticket })}</a>
        )}
      </p>
      <h1>{title}</h1>
      <p class="hint" role="status">
        {saved ? t("forms.draftSaved") : t("forms.draftNotSaved")}
      </p>
      {!online && <p class="notice">{t("forms.offlineWillSend")}</p>}
      {storageFull && (
        <p class="notice error" role="alert">
          {t("forms.storageFull")}
        </p>
      )}
      <ErrorSummary
        attempt={attempt}
        errors={problems.map(p => ({ target: p.target, message: t(p.key, p.vars) }))}
      />
      {children}
    </form>
  );
}
