import { lazy, LocationProvider, Route, Router } from "preact-iso";
import { CrashBoundary } from "./components/crash-boundary";
import { Layout } from "./components/layout";
import { LanguageProvider } from "./i18n/language-context";
import { LiffProvider } from "./liff/liff-context";
import { OutboxProvider } from "./offline/outbox-context";
import { NotFoundPage } from "./pages/not-found";
import {
  AssistanceFormPage,
  CaseDetailPage,
  CaseListPage,
  EligibilityPage,
  HomePage,
  HouseholdVisitPage,
  OutboxPage,
  ReferralFormPage,
  StaffVolunteersPage,
  StatusFormPage,
  useLaterPagesOnceQuiet,
  VisitFormPage,
} from "./pages/later-pages";

// Each first screen (the home: a volunteer's cases, a staff member's queue; the citizen's
// eligibility form) is a chunk of its own, which index.html preloads when its path is opened
// (vite.config.ts, `startFirstFetches`): a screen does not carry the other's code. Those and the
// pages a volunteer opens next are loaded as soon as the first screen has its data
// (later-pages.ts), so they open offline mid-visit. The pages below need the network anyway and
// load when opened: the staff dashboard (numbers fetched on opening, with its chart library) and
// the pages that edit routing, the duty roster and the push outbox, which only office staff open.
const StaffDashboardPage = lazy(() =>
  import("./pages/staff-dashboard").then(m => m.StaffDashboardPage),
);
const StaffDutyPage = lazy(() => import("./pages/staff-duty").then(m => m.StaffDutyPage));
const StaffOutboxPage = lazy(() => import("./pages/staff-outbox").then(m => m.StaffOutboxPage));
const StaffRoutingPage = lazy(() => import("./pages/staff-routing").then(m => m.StaffRoutingPage));
const StaffRoutingEntryPage = lazy(() =>
  import("./pages/staff-routing-entry").then(m => m.StaffRoutingEntryPage),
);
const StaffHelpPointsPage = lazy(() =>
  import("./pages/staff-help-points").then(m => m.StaffHelpPointsPage),
);
const StaffHouseholdsPage = lazy(() =>
  import("./pages/staff-households").then(m => m.StaffHouseholdsPage),
);
const AdminWelfareRulesPage = lazy(() =>
  import("./pages/admin-welfare-rules").then(m => m.AdminWelfareRulesPage),
);
const StaffPeoplePage = lazy(() => import("./pages/staff-people").then(m => m.StaffPeoplePage));
export function App() {
  return (
    <LanguageProvider>
      <LiffProvider>
        <OutboxProvider>
          <LaterPages />
          <LocationProvider>
            <Layout>
              <CrashBoundary>
                <Router onRouteChange={() => window.scrollTo(0, 0)}>
                  <Route path="/" component={HomePage} />
                  <Route path="/eligibility" component={EligibilityPage} />
                  <Route path="/cases" component={CaseListPage} />
                  <Route path="/cases/:ticket" component={CaseDetailPage} />
                  <Route path="/cases/:ticket/visit" component={VisitFormPage} />
                  <Route path="/cases/:ticket/assistance" component={AssistanceFormPage} />
                  <Route path="/cases/:ticket/referral" component={ReferralFormPage} />
                  <Route path="/cases/:ticket/status" component={StatusFormPage} />
                  <Route path="/outbox" component={OutboxPage} />
                  <Route path="/staff/dashboard" component={StaffDashboardPage} />
                  <Route path="/staff/volunteers" component={StaffVolunteersPage} />
                  <Route path="/staff/duty" component={StaffDutyPage} />
                  <Route path="/staff/routing" component={StaffRoutingPage} />
                  <Route path="/staff/outbox" component={StaffOutboxPage} />
                  <Route path="/staff/routing/:id" component={StaffRoutingEntryPage} />
                  <Route path="/staff/help-points" component={StaffHelpPointsPage} />
                  <Route path="/staff/households" component={StaffHouseholdsPage} />
                  <Route path="/households/:id/visit" component={HouseholdVisitPage} />
                  <Route path="/staff/welfare-rules" component={AdminWelfareRulesPage} />
                  <Route path="/staff/people" component={StaffPeoplePage} />
                  <Route default component={NotFoundPage} />
                </Router>
              </CrashBoundary>
            </Layout>
          </LocationProvider>
        </OutboxProvider>
      </LiffProvider>
    </LanguageProvider>
  );
}

function LaterPages() {
  useLaterPagesOnceQuiet();
  return null;
}
