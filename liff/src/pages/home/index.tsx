import { useState } from "preact/hooks";
import type { Me } from "@sa/core";
import { isStaff, useMe } from "../../api/use-me";
import { Loading } from "../../components/loading";
import { ProblemScreen } from "../../components/status-screen";
import { useLanguage } from "../../i18n/language-context";
import { CaseListPage } from "../case-list";
import { HouseholdsToVisit } from "../households-to-visit";
import { RegistrationForm } from "../registration";
import { StaffQueuePage } from "../staff-queue";

/** What a person sees first depends on who they are to us (GET /api/me). */
export function HomePage() {
  const me = useMe();
  const [registered, setRegistered] = useState<Me | null>(null);
  const current = registered ?? me.data;

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
