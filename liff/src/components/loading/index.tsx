import { useLanguage } from "../../i18n/language-context";

export function Loading() {
  const { t } = useLanguage();
  return (
    <p class="loading" role="status">
      {t("common.loading")}
    </p>
  );
}
