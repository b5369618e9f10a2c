import type { ComponentChildren } from "preact";
import { useLanguage } from "../../i18n/language-context";

/** A list page's heading with its refresh button, which waits while the list loads. */
export function TitleRow({
  id,
  children,
  resource,
}: {
  /** The heading's id, which the page's section is labelled by. */
  id: string;
  children: ComponentChildren;
  resource: { reload: () => void; loading: boolean };
}) {
  const { t } = useLanguage();
  return (
    <div class="title-row">
      <h1 id={id}>{children}</h1>
      <button
        type="button"
        class="button secondary"
        onClick={resource.reload}
        disabled={resource.loading}
      >
        {t("cases.refresh")}
      </button>
    </div>
  );
}
