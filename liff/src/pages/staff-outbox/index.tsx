import { useState } from "preact/hooks";
import { ApiError } from "../../api/api-error";
import { getTroubledPushes, retryPush, type OutboxEntry } from "../../api/staff-endpoints";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { StaffNav } from "../../components/staff-nav";
import { ProblemScreen } from "../../components/status-screen";
import { TitleRow } from "../../components/title-row";
import { timeAgo } from "../../forms/time-ago";
import type { LiffKey, Translate } from "../../i18n/catalog";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import "../../i18n/office-strings";

/** What a push was for, from its outbox reason ("staff.new_case", "citizen.resolved", ...). */
function reasonLabel(reason: string, t: Translate): string {
  const known: [string, LiffKey][] = [
    ["staff.new_case", "staff.outbox.reasons.newCase"],
    ["staff.escalated", "staff.outbox.reasons.escalated"],
    ["staff.taken_by_other", "staff.outbox.reasons.takenByOther"],
    ["staff.reopened", "staff.outbox.reasons.reopened"],
    ["volunteer.assigned", "staff.outbox.reasons.assigned"],
    ["citizen.", "staff.outbox.reasons.citizen"],
    ["session.expired", "staff.outbox.reasons.sessionExpired"],
  ];
  const key = known.find(([prefix]) => reason.startsWith(prefix))?.[1];
  return key ? t(key) : t("staff.outbox.reasons.other", { reason });
}

/**
 * Admin: LINE messages that did not go out (failed, or still retrying after 3 tries or
 * 15 minutes), with a button to send a failed one again. Never their text or recipient.
 */
export function StaffOutboxPage() {
  const { t, language } = useLanguage();
  const { api } = useLiff();
  const items = useResource(() => getTroubledPushes(api), [api]);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  const retry = async (item: OutboxEntry) => {
    setBusy(item.id);
    setMessage(null);
    try {
      await retryPush(api, item.id);
      setMessage({ text: t("staff.outbox.retried"), failed: false });
      items.reload();
    } catch (error) {
      const sent = error instanceof ApiError && error.status === 409;
      setMessage({
        text: t(sent ? "staff.outbox.alreadySent" : "staff.outbox.retryFailed"),
        failed: !sent,
      });
      if (sent) items.reload();
    } finally {
      setBusy(null);
    }
  };

  const list = items.data ?? [];
  return (
    <section aria-labelledby="outbox-title">
      <StaffNav current="/staff/outbox" />
      <TitleRow id="outbox-title" resource={items}>
        {t("staff.outbox.title")}
      </TitleRow>
      <p class="lead">{t("staff.outbox.intro")}</p>
      <p
        role="status"
        class={message ? `notice${message.failed ? " error" : " success"}` : "visually-hidden"}
      >
        {message?.text}
      </p>
      {items.loading && !items.data && <Loading />}
      {items.error !== undefined && (
        <ProblemScreen
          error={items.error}
          onRetry={items.reload}
          forbidden={[t("staff.adminOnlyTitle"), t("staff.adminOnlyBody")]}
        />
      )}
      {items.data && list.length === 0 && <p class="empty">{t("staff.outbox.none")}</p>}
      {list.length > 0 && (
        <ul class="outbox-list">
          {list.map(item => {
            const what = reasonLabel(item.reason, t);
            return (
              <li key={item.id} class="card outbox-item">
                <p class="case-row-top">
                  <span class={`badge ${item.status === "failed" ? "urgent" : "overdue"}`}>
                    {t(item.status === "failed" ? "staff.outbox.failed" : "staff.outbox.pending")}
                  </span>
                  {item.urgent && <span class="badge">{t("staff.outbox.urgent")}</span>}
                  {item.ticket ? (
                    <a class="ticket" href={`/cases/${item.ticket}`}>
                      {t("staff.outbox.case", { ticket: item.ticket })}
                    </a>
                  ) : (
                    <span class="hint">{t("staff.outbox.noCase")}</span>
                  )}
                </p>
                <p class="volunteer-name">{what}</p>
                <p class="hint">
                  {[
                    t("staff.outbox.attempts", { count: item.attempts }),
                    t("staff.outbox.created", { time: timeAgo(item.createdAt, language) }),
                    item.nextAttemptAt &&
                      t("staff.outbox.next", { time: timeAgo(item.nextAttemptAt, language) }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {item.lastError && (
                  <p class="hint outbox-error">
                    {t("staff.outbox.lastError", { error: item.lastError })}
                  </p>
                )}
                {item.urgentFallbackSentAt && (
                  <p class="hint">
                    {t("staff.outbox.smsSent", {
                      time: timeAgo(item.urgentFallbackSentAt, language),
                    })}
                  </p>
                )}
                {item.status === "failed" && (
                  <button
                    type="button"
                    class="button primary"
                    disabled={busy !== null}
                    aria-label={t("staff.outbox.retryLabel", { what })}
                    onClick={() => void retry(item)}
                  >
                    {busy === item.id ? t("common.sending") : t("staff.outbox.retry")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
