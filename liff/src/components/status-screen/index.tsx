import { ApiError, NetworkError } from "../../api/api-error";
import { useLanguage } from "../../i18n/language-context";

/**
 * What went wrong, in words a volunteer can act on: not theirs (403), gone (404), no network,
 * or something on our side. Never a stack trace, never a blank screen. A screen whose 403 means
 * something else (staff: another province; staff pages: not staff) says so with `forbidden`.
 */
export function ProblemScreen({
  error,
  onRetry,
  backHref = "/",
  forbidden,
}: {
  error: unknown;
  onRetry?: () => void;
  backHref?: string;
  forbidden?: [title: string, body: string] | undefined;
}) {
  const { t } = useLanguage();
  const status = error instanceof ApiError ? error.status : undefined;
  const [title, body] =
    status === 403
      ? (forbidden ?? [t("problem.forbiddenTitle"), t("problem.forbiddenBody")])
      : status === 404
        ? [t("problem.notFoundTitle"), t("problem.notFoundBody")]
        : error instanceof NetworkError
          ? [t("problem.offlineTitle"), t("problem.offlineBody")]
          : [t("problem.genericTitle"), t("problem.genericBody")];
  const retryable = status !== 403 && status !== 404;
  return (
    <section class="problem" aria-labelledby="problem-title">
      <h1 id="problem-title">{title}</h1>
      <p>{body}</p>
      <div class="actions">
        {retryable && onRetry && (
          <button type="button" class="button primary" onClick={onRetry}>
            {t("common.retry")}
          </button>
        )}
        <a class="button secondary" href={backHref}>
          {t("common.back")}
        </a>
      </div>
    </section>
  );
}
