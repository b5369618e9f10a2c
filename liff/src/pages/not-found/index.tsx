import { useLanguage } from "../../i18n/language-context";

export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <section class="problem">
      <h1>{t("problem.notFoundTitle")}</h1>
      <p>{t("problem.pageNotFound")}</p>
      <a class="button secondary" href="/">
        {t("common.back")}
      </a>
    </section>
  );
}
