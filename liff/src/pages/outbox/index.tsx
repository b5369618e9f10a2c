import { useLanguage } from "../../i18n/language-context";
import { useOutbox } from "../../offline/outbox-context";
import { WaitingList } from "./waiting-list";

/** Everything this phone still has to send, and a way to try now. */
export function OutboxPage() {
  const { t } = useLanguage();
  const { outbox, items } = useOutbox();
  return (
    <>
      <h1>{t("offline.waitingTitle")}</h1>
      <p class="lead">{t("offline.explain")}</p>
      {items.length === 0 ? (
        <p class="empty">{t("offline.nothingWaiting")}</p>
      ) : (
        <>
          <WaitingList items={items} />
          <button type="button" class="button primary" onClick={() => void outbox.retryAll()}>
            {t("offline.sendNow")}
          </button>
        </>
      )}
    </>
  );
}
