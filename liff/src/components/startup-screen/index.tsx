import { useLanguage } from "../../i18n/language-context";

/** Shown while LIFF starts, or instead of the app when it could not start. */
export function StartupScreen({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  const { t } = useLanguage();
  if (!failed) {
    return (
      <main class="page startup" aria-busy="true">
        <p role="status">{t("startup.loading")}</p>
      </main>
    );
  }
  return (
    <main class="page startup">
      <h1>{t("startup.failedTitle")}</h1>
      <p>{t("startup.failedBody")}</p>
      <button type="button" class="button primary" onClick={onRetry}>
        {t("common.retry")}
      </button>
      <p>
        <a href="tel:1300" class="button secondary">
          {t("common.call1300")}
        </a>
      </p>
    </main>
  );
}
