import { useState } from "preact/hooks";
import type { Me } from "@sa/core";
import { isStaff, useMe, useSavedMe } from "../../api/use-me";
import { Loading } from "../../components/loading";
import { ProblemScreen } from "../../components/status-screen";
import { useLanguage } from "../../i18n/language-context";
import { CaseListPage } from "../case-list";
import { HouseholdsToVisit } from "../households-to-visit";
import { RegistrationForm } from "../later-pages";
import { StaffQueuePage } from "../staff-queue";

/** What a person sees first depends on who they are to us (GET /api/me). */
export function HomePage() {
  const me = useMe();
  const saved = useSavedMe();
  const [registered, setRegistered] = useState<Me | null>(null);
  // A returning volunteer's or staff member's home starts from who they were on this phone while
  // /api/me is asked, so its own data is asked for at the same time, not a round trip later.
  // Safe as a guess: the server answers those requests for the caller as they are now (a
  // suspended volunteer gets no cases), and /api/me's answer, or its error, replaces the guess.
  const guess = me.loading && me.data === undefined && hasDataHome(saved) ? saved : undefined;
  const current = registered ?? me.data ?? guess;

  if (!current) {
    if (me.error !== undefined) return <ProblemScreen error={me.error} onRetry={me.reload} />;
    return <Loading />;
  }
  if (current.role === "volunteer" && current.registration === "approved") {
    return (
      <>
        <CaseListPage />
        <HouseholdsToVisit />
      </>
    );
  }
  // Staff start from their province's queue (GET /api/cases is for volunteers).
  if (isStaff(current)) return <StaffQueuePage me={current} />;
  if (current.registration === "pending") return <Pending />;
  if (current.registration === "rejected" || current.registration === "suspended")
    return <Rejected />;
  return (
    <>
      <Welcome />
      <RegistrationForm onRegistered={setRegistered} />
    </>
  );
}

const hasDataHome = (me: Me | undefined): me is Me =>
  (me?.role === "volunteer" && me.registration === "approved") || isStaff(me);

function EligibilityLink() {
  const { t } = useLanguage();
  return (
    <a class="card link-card" href="/eligibility">
      <span class="link-card-title">{t("home.eligibilityTitle")}</span>
      <span class="link-card-detail">{t("home.eligibilityDetail")}</span>
    </a>
  );
}

function Welcome() {
  const { t } = useLanguage();
  return (
    <>
      <h1>{t("home.welcomeTitle")}</h1>
      <p class="lead">{t("home.welcomeBody")}</p>
      <EligibilityLink />
    </>
  );
}

function Pending() {
  const { t } = useLanguage();
  return (
    <>
      <h1>{t("home.pendingTitle")}</h1>
      <p class="notice" role="status">
        {t("home.pendingBody")}
      </p>
      <EligibilityLink />
    </>
  );
}

function Rejected() {
  const { t } = useLanguage();
  return (
    <>
      <h1>{t("home.rejectedTitle")}</h1>
      <p class="notice">{t("home.rejectedBody")}</p>
      <EligibilityLink />
    </>
  );
}
