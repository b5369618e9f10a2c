import { useEffect, useState } from "preact/hooks";
import { formatDateTime, TPMAP_DIMENSIONS, type HouseholdView } from "@sa/core";
import { myHouseholds } from "../../api/household-endpoints";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { ProblemScreen } from "../../components/status-screen";
import { useLanguage } from "../../i18n/language-context";
import type { LiffKey } from "../../i18n/catalog";
import { useLiff } from "../../liff/liff-context";
import { useOutbox } from "../../offline/outbox-context";
import { byDistanceFrom, byAddress } from "./order";

/** "บ้านที่ต้องเยี่ยม": the target households given to me, not yet visited first. */
export function HouseholdsToVisit() {
  const { t, language } = useLanguage();
  const { api } = useLiff();
  // Never kept on the phone, like the case list.
  const mine = useResource(() => myHouseholds(api), [api]);
  const { outbox } = useOutbox();
  // A visit this phone sends changes the progress: shown again once it reached the server.
  useEffect(
    () =>
      outbox.onSent(item => {
        if (item.kind === "householdVisit") mine.reload();
      }),
    [outbox, mine.reload],
  );
  const [here, setHere] = useState<{ latitude: number; longitude: number } | null>(null);
  const [locating, setLocating] = useState<LiffKey | null>(null);

  const locate = () => {
    if (!("geolocation" in navigator)) return setLocating("households.toVisit.locationDenied");
    setLocating("households.toVisit.locating");
    navigator.geolocation.getCurrentPosition(
      position => {
        setHere({ latitude: position.coords.latitude, longitude: position.coords.longitude });
        setLocating("households.toVisit.sortedByDistance");
      },
      () => setLocating("households.toVisit.locationDenied"),
      { timeout: 20_000, maximumAge: 300_000 },
    );
  };

  const households = mine.data?.households ?? [];
  const ordered = [...households].sort(here ? byDistanceFrom(here) : byAddress);
  const needsOf = (h: HouseholdView) =>
    TPMAP_DIMENSIONS.filter(d => h.needs[d]).map(d => t(`dimension.${d}`));

  return (
    <section aria-labelledby="households-title" class="households-to-visit">
      <h2 id="households-title">{t("households.toVisit.title")}</h2>
      {mine.loading && !mine.data && <Loading />}
      {mine.error !== undefined && <ProblemScreen error={mine.error} onRetry={mine.reload} />}
      {mine.data && households.length === 0 && <p class="empty">{t("households.toVisit.none")}</p>}
      {mine.data && households.length > 0 && (
        <>
          <p class="hint" role="status">
            {t("households.toVisit.progress", mine.data.progress)}
          </p>
          <button type="button" class="button secondary" onClick={locate}>
            {t("households.toVisit.nearestFirst")}
          </button>
          {locating && <p class="hint">{t(locating)}</p>}
          <ul class="case-list">
            {ordered.map(h => (
              <li key={h.id}>
                <a class="case-row" href={`/households/${h.id}/visit`}>
                  <span class="case-row-title">{h.headName}</span>
                  {h.followUpOverdue && (
                    <span class="badge overdue">{t("cases.followUpOverdue")}</span>
                  )}
                  <span class="case-row-detail">
                    {t("households.toVisit.address", {
                      house: h.houseNumber,
                      village: h.village,
                      subDistrict: h.area.subDistrict ?? "",
                    })}
                  </span>
                  <span class="case-row-detail">
                    {needsOf(h).length > 0
                      ? t("households.toVisit.needs", { list: needsOf(h).join(", ") })
                      : t("households.toVisit.noNeeds")}{" "}
                    ·{" "}
                    {h.lastVisitAt
                      ? t("households.toVisit.visitedOn", {
                          date: formatDateTime(h.lastVisitAt, language),
                        })
                      : t("households.toVisit.notVisited")}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
