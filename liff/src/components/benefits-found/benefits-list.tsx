import { useEffect, useState } from "preact/hooks";
import { formatAmount, type FoundBenefit, type TimelineEntry, type VisitHousehold } from "@sa/core";
import "../../i18n/benefits-found-strings";
import { useLanguage } from "../../i18n/language-context";
import type { Outbox } from "../../offline/outbox";
import { findBenefits, type CheckEligibility } from "./find-benefits";
import { latestVisitHousehold, referredBenefits } from "./latest-visit";

export { ReceivesChoice } from "./receives-choice";

/** What the lazy list is given: it imports the app's modules for their types only (index.tsx). */
export interface BenefitsListProps {
  /** The household as the visit form being reviewed has it... */
  household?: VisitHousehold;
  /** ...or a case's timeline, whose latest visit gives it. */
  timeline?: readonly TimelineEntry[];
  app: { checkEligibility: CheckEligibility; outbox: Outbox; newClientId: () => string };
  /** The case a referral goes on; without one (a target household's visit) the list is shown only. */
  ticket?: string;
}

type Found = { state: "loading" } | { state: "failed" } | { state: "done"; list: FoundBenefit[] };

/**
 * "สิทธิ์ที่น่าจะได้แต่ยังไม่ได้รับ": per member, the benefit, amount, documents and office; with a
 * case, one tap queues a referral ("พาไปยื่นขอ") on its timeline.
 */
export function BenefitsList({ timeline = [], app, ticket, ...props }: BenefitsListProps) {
  const household = props.household ?? latestVisitHousehold(timeline);
  const referred = referredBenefits(timeline);
  const { t, language } = useLanguage();
  const [found, setFound] = useState<Found>({ state: "loading" });
  const [tapped, setTapped] = useState<string[]>([]);
  // Re-run on the household's content, not its identity: the form makes a new object each render.
  const key = JSON.stringify(household);

  useEffect(() => {
    let current = true;
    setFound({ state: "loading" });
    if (!household) return;
    findBenefits(household, language, app.checkEligibility).then(
      list => current && setFound({ state: "done", list }),
      () => current && setFound({ state: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [key, language]);

  const who = (f: FoundBenefit) =>
    f.age === undefined
      ? t("benefitsFound.member", { index: f.member + 1 })
      : t("benefitsFound.memberAge", { index: f.member + 1, age: f.age });
  const amount = ({ result }: FoundBenefit) =>
    result.monthlyAmount !== undefined
      ? ` ${t("benefitsFound.monthly", { amount: formatAmount(result.monthlyAmount) })}`
      : result.oneOffAmount !== undefined
        ? ` ${t("benefitsFound.oneOff", { amount: formatAmount(result.oneOffAmount) })}`
        : "";
  const refer = (f: FoundBenefit, id: string) => {
    const clientId = app.newClientId();
    const kept = app.outbox.add({
      clientId,
      kind: "referral",
      ticket: ticket!,
      body: {
        clientId,
        agency: f.agency,
        benefit: f.result.benefit,
        reason: t("benefitsFound.referReason", { benefit: f.result.title, who: who(f) }),
      },
    });
    if (kept) setTapped(list => [...list, id]);
  };

  if (!household) return null;
  return (
    <section class="card benefits-found" aria-labelledby="benefits-found-title">
      <h2 id="benefits-found-title">{t("benefitsFound.title")}</h2>
      {found.state === "loading" && <p class="hint">{t("benefitsFound.loading")}</p>}
      {found.state === "failed" && <p class="hint">{t("benefitsFound.unavailable")}</p>}
      {found.state === "done" && found.list.length === 0 && <p>{t("benefitsFound.none")}</p>}
      {found.state === "done" && found.list.length > 0 && (
        <>
          <p class="hint">{t("benefitsFound.hint")}</p>
          <ul class="benefit-list">
            {found.list.map(f => {
              const id = `${f.member}-${f.result.benefit}`;
              const done = tapped.includes(id) || referred.includes(f.result.benefit);
              return (
                <li key={id} data-benefit={f.result.benefit}>
                  <p>
                    <strong>
                      {who(f)}: {f.result.title}
                      {amount(f)}
                    </strong>{" "}
                    — {t("benefitsFound.notReceived")}
                  </p>
                  <p>
                    {t("benefitsFound.documents")}: {f.result.documents.join(", ")}
                  </p>
                  <p>
                    {t("benefitsFound.applyAt")}: {f.result.applyAt}
                  </p>
                  {ticket &&
                    (done ? (
                      <p class="notice" role="status">
                        {t("benefitsFound.referred")}
                      </p>
                    ) : (
                      <button type="button" class="button secondary" onClick={() => refer(f, id)}>
                        {t("benefitsFound.refer")}
                      </button>
                    ))}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
