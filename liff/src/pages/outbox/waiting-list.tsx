import { formatDateTime } from "@sa/core";
import { refusalKey } from "../../api/refusal-text";
import { useLanguage } from "../../i18n/language-context";
import type { OutboxItem } from "../../offline/outbox";
import { useOutbox } from "../../offline/outbox-context";

const entryHref = (item: OutboxItem) =>
  item.kind === "householdVisit" ? `/households/${item.ticket}/visit` : `/cases/${item.ticket}`;

/** Submissions still on the phone: what they are, and whether the server refused one. */
export function WaitingList({ items }: { items: readonly OutboxItem[] }) {
  const { t, language } = useLanguage();
  const { outbox } = useOutbox();
  return (
    <ul class="waiting-list">
      {items.map(item => (
        <li key={item.clientId} class={item.refused ? "refused" : "waiting"}>
          <p>
            <strong>{t(`offline.kind.${item.kind}`)}</strong> ·{" "}
            <a href={entryHref(item)}>{item.ticket}</a>
          </p>
          <p class="hint">
            {t("offline.queuedAt", { when: formatDateTime(item.queuedAt, language) })}
          </p>
          {item.refused ? (
            <>
              <p class="field-error">
                {t("offline.refused", { status: item.refused.status })}{" "}
                {t(refusalKey(item.refused.status, item.refused.code))}
              </p>
              <button
                type="button"
                class="button secondary"
                onClick={() => outbox.discard(item.clientId)}
              >
                {t("offline.discard")}
              </button>
            </>
          ) : (
            <p class="hint">
              {item.attempts > 0
                ? t("offline.retrying", { count: item.attempts })
                : t("offline.notSentYet")}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
