import { useEffect } from "preact/hooks";
import { categoryKey, formatThaiPhone } from "@sa/core";
import { getCase } from "../../api/case-endpoints";
import { isStaff, useMe } from "../../api/use-me";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { ProblemScreen } from "../../components/status-screen";
import { timeAgo } from "../../forms/time-ago";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { useOutbox } from "../../offline/outbox-context";
import { WaitingList } from "../outbox/waiting-list";
import { CaseMedia } from "./case-media";
import { CasePhoto } from "./case-photo";
import { placeName } from "./place-name";
import { StaffActions } from "./staff-actions";
import { Timeline } from "./timeline";
import { BenefitsFound } from "../../components/benefits-found";
import "../../i18n/casework-strings";

export const mapUrl = (latitude: number, longitude: number) =>
  `https://www.google.com/maps?q=${latitude},${longitude}`;

/**
 * One case: what was reported, where, what has been done, and what the reader can do about it:
 * a volunteer records their work; staff (who reach it from the queue or a LINE push) assign a
 * volunteer and move its status.
 */
export function CaseDetailPage({ ticket }: { ticket: string }) {
  const { t, language } = useLanguage();
  const { api } = useLiff();
  const { outbox, items } = useOutbox();
  // Never kept on the phone (nor its photos): only what the volunteer typed waits here offline.
  const detail = useResource(() => getCase(api, ticket), [api, ticket]);
  const me = useMe();
  const staff = isStaff(me.data);

  // When something queued for this case reaches the server, show the timeline it is now in.
  useEffect(
    () =>
      outbox.onSent(item => {
        if (item.ticket === ticket) detail.reload();
      }),
    [outbox, ticket, detail.reload],
  );

  const waiting = items.filter(item => item.ticket === ticket);
  const waitingCard = waiting.length > 0 && (
    <section class="card" aria-labelledby="case-waiting">
      <h2 id="case-waiting">{t("offline.waitingTitle")}</h2>
      <WaitingList items={waiting} />
    </section>
  );
  if (detail.error !== undefined)
    return (
      <>
        <ProblemScreen
          error={detail.error}
          onRetry={detail.reload}
          backHref="/"
          forbidden={
            staff ? [t("staff.case.forbiddenTitle"), t("staff.case.forbiddenBody")] : undefined
          }
        />
        {/* Offline the case itself is not on the phone; what the volunteer sent is. */}
        {waitingCard}
      </>
    );
  const c = detail.data;
  if (!c) return <Loading />;
  const place = placeName(c.area, language);

  return (
    <article aria-labelledby="case-title">
      <p class="breadcrumb">
        <a href="/">{staff ? t("staff.backToQueue") : t("case.backToCases")}</a>
      </p>
      <h1 id="case-title">
        {t(`category.${categoryKey(c.category)}`)} <span class="ticket">{c.ticket}</span>
      </h1>
      <p class="case-badges">
        {c.urgent && <span class="badge urgent">{t("cases.urgent")}</span>}
        <span class={`badge status ${c.status}`}>{t(`caseStatus.${c.status}`)}</span>
        <span class="hint">{t("case.reported", { when: timeAgo(c.createdAt, language) })}</span>
      </p>
      {staff && (
        <p class="hint">
          {c.assignee
            ? t("staff.assignee", { name: c.assignee.name })
            : t("staff.queue.unassigned")}
        </p>
      )}

      <section class="card" aria-labelledby="case-what">
        <h2 id="case-what">{t("case.description")}</h2>
        <p class="description">{c.description}</p>
        {(place || c.location) && (
          <>
            <h3>{t("case.place")}</h3>
            {place && <p>{place}</p>}
            {c.location?.address && <p>{c.location.address}</p>}
            {c.location && (
              <a
                class="button secondary"
                href={mapUrl(c.location.latitude, c.location.longitude)}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t("case.openMap")}
              </a>
            )}
          </>
        )}
        {c.media.map((media, index) => (
          <CaseMedia key={index} ticket={c.ticket} index={index} media={media} />
        ))}
        {c.household && (
          <p class="notice">
            {t("case.targetHousehold", {
              householdId: c.household.householdId,
              headName: c.household.headName,
            })}
          </p>
        )}
        {c.reporterPhone && (
          <>
            <h3>{t("case.reporterPhone")}</h3>
            <a class="button secondary" href={`tel:${c.reporterPhone}`}>
              {t("case.call", { phone: formatThaiPhone(c.reporterPhone) })}
            </a>
          </>
        )}
      </section>

      {c.photoCount > 0 && (
        <section class="card" aria-labelledby="case-photos">
          <h2 id="case-photos">{t("case.photos")}</h2>
          <div class="photos">
            {Array.from({ length: c.photoCount }, (_, index) => (
              <CasePhoto key={index} ticket={c.ticket} index={index} />
            ))}
          </div>
        </section>
      )}

      {staff ? (
        <StaffActions detail={c} onChanged={detail.reload} />
      ) : (
        // Volunteer work, once the API said who this is (or could not say: then the server decides).
        !me.loading && (
          <section class="card" aria-labelledby="case-actions">
            <h2 id="case-actions">{t("case.actions")}</h2>
            <div class="action-grid">
              <a class="button primary" href={`/cases/${c.ticket}/visit`}>
                {t("case.recordVisit")}
              </a>
              <a class="button secondary" href={`/cases/${c.ticket}/assistance`}>
                {t("case.logAssistance")}
              </a>
              <a class="button secondary" href={`/cases/${c.ticket}/referral`}>
                {t("case.refer")}
              </a>
              <a class="button secondary" href={`/cases/${c.ticket}/status`}>
                {t("case.changeStatus")}
              </a>
            </div>
          </section>
        )
      )}

      {c.timeline.some(entry => entry.type === "visit") && (
        <BenefitsFound timeline={c.timeline} {...(!staff && { ticket: c.ticket })} />
      )}

      {waitingCard}

      <section class="card" aria-labelledby="case-timeline">
        <h2 id="case-timeline">{t("case.timeline")}</h2>
        <Timeline ticket={c.ticket} entries={c.timeline} />
      </section>
    </article>
  );
}
