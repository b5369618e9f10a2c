import { SCREEN_SETTLED_MS } from "../api/api-client";
import { useEffect } from "preact/hooks";
import { lazy } from "preact-iso";
import { useLiff } from "../liff/liff-context";

/**
 * The pages a volunteer or a staff member opens after the first screen: a case, its forms, the
 * outbox, the volunteer list, the registration form. Each is a lazy chunk, so the first screen
 * on a slow link downloads and runs only what it shows (a module's schemas are built when it
 * loads, and on a cheap phone that is time before anything shows).
 *
 * A volunteer who loses the signal mid-visit must still be able to open the next form, so
 * `useLaterPagesOnceQuiet` loads them all once the first screen has its data: an `import()`
 * that has finished once is answered from the page's module map, without the network, for as
 * long as the app stays open.
 */
const loaders = {
  // The first screens (app.tsx): the one opened is preloaded, the others come with the rest.
  home: () => import("./home"),
  caseList: () => import("./case-list"),
  eligibility: () => import("./eligibility"),
  caseDetail: () => import("./case-detail"),
  visitForm: () => import("./visit-form"),
  assistanceForm: () => import("./assistance-form"),
  referralForm: () => import("./referral-form"),
  statusForm: () => import("./status-form"),
  outbox: () => import("./outbox"),
  staffVolunteers: () => import("./staff-volunteers"),
  registration: () => import("./registration"),
};

export const HomePage = lazy(() => loaders.home().then(m => m.HomePage));
export const CaseListPage = lazy(() => loaders.caseList().then(m => m.CaseListPage));
export const EligibilityPage = lazy(() => loaders.eligibility().then(m => m.EligibilityPage));
export const CaseDetailPage = lazy(() => loaders.caseDetail().then(m => m.CaseDetailPage));
export const VisitFormPage = lazy(() => loaders.visitForm().then(m => m.VisitFormPage));
export const HouseholdVisitPage = lazy(() => loaders.visitForm().then(m => m.HouseholdVisitPage));
export const AssistanceFormPage = lazy(() =>
  loaders.assistanceForm().then(m => m.AssistanceFormPage),
);
export const ReferralFormPage = lazy(() => loaders.referralForm().then(m => m.ReferralFormPage));
export const StatusFormPage = lazy(() => loaders.statusForm().then(m => m.StatusFormPage));
export const OutboxPage = lazy(() => loaders.outbox().then(m => m.OutboxPage));
export const StaffVolunteersPage = lazy(() =>
  loaders.staffVolunteers().then(m => m.StaffVolunteersPage),
);
export const RegistrationForm = lazy(() => loaders.registration().then(m => m.RegistrationForm));

/** The first screens, by the path that opens them (index.html preloads the same: vite.config.ts). */
const FIRST_SCREENS: Record<string, { preload(): Promise<unknown> }> = {
  "/": HomePage,
  "/cases": CaseListPage,
  "/eligibility": EligibilityPage,
};

/**
 * Runs the opened first screen's modules (building their schemas) as soon as they have arrived,
 * while the LIFF SDK, the largest file, is still on its way. Loaded by the router instead, they
 * ran only once LIFF had started: on a cheap phone a tenth of a second after the last byte.
 */
export function loadFirstScreen(path: string): void {
  // A failed load is the router's to show, when it asks for the page itself.
  FIRST_SCREENS[path.replace(/(.)\/$/, "$1")]?.preload().catch(() => undefined);
}

let loading = false;

/**
 * Loads every later page once the API has gone quiet, one after another (on a slow link, all
 * at once would only share it). Not while offline: a module the browser failed to fetch may
 * stay failed for the page's life, while a page opened later asks for itself again.
 */
export function useLaterPagesOnceQuiet(): void {
  const { api } = useLiff();
  useEffect(() => {
    void api.quiet(SCREEN_SETTLED_MS).then(() => {
      if (loading || !navigator.onLine) return;
      loading = true;
      return Object.values(loaders).reduce<Promise<unknown>>(
        (previous, load: () => Promise<unknown>) => previous.then(load).catch(() => undefined),
        Promise.resolve(),
      );
    });
  }, [api]);
}
