import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { SignOut } from "@complaints/client";
import { LinkProvider, type RenderLink } from "@complaints/ui";
import { periodChoiceFromAddress, periodFromAddress, periodToAddress, type PeriodChoice } from "@complaints/domain";
import { BrowserRouter, Link as RouterLink, Navigate, Route, Routes, useParams } from "react-router";
import { ComparePage } from "../pages/compare.tsx";
import { HomePage } from "../pages/home.tsx";
import { NotFoundPage } from "../pages/not-found.tsx";
import { SignInPage } from "../pages/sign-in.tsx";
import { RequireSignIn } from "./auth.tsx";
import { DepartmentRoute, type Organisation } from "./department.tsx";
import { Layout } from "./layout.tsx";
import { useLatestQuarter } from "./periods.ts";
import { queryClient } from "./query.ts";

/**
 * Each page is its own chunk, loaded when first visited, so the charts do not slow the first load of
 * every other page on an old laptop. The compare page, whose 400 rows must be interactive within a
 * second of navigation (issue 8), is in the main chunk: no second round trip before it can draw.
 */
const ActionsPage = lazy(() => import("../pages/actions.tsx").then((m) => ({ default: m.ActionsPage })));
const AnnualReportPage = lazy(() => import("../pages/annual-report.tsx").then((m) => ({ default: m.AnnualReportPage })));
const BodyProfilePage = lazy(() => import("../pages/body-profile.tsx").then((m) => ({ default: m.BodyProfilePage })));
const DepartmentHomePage = lazy(() => import("../pages/department-home.tsx").then((m) => ({ default: m.DepartmentHomePage })));
const FunnelPage = lazy(() => import("../pages/funnel.tsx").then((m) => ({ default: m.FunnelPage })));
const LearningPage = lazy(() => import("../pages/learning.tsx").then((m) => ({ default: m.LearningPage })));
const ReportsPage = lazy(() => import("../pages/reports.tsx").then((m) => ({ default: m.ReportsPage })));
const ReviewPage = lazy(() => import("../pages/review.tsx").then((m) => ({ default: m.ReviewPage })));
const RollupPage = lazy(() => import("../pages/rollup.tsx").then((m) => ({ default: m.RollupPage })));
const ThemesPage = lazy(() => import("../pages/themes.tsx").then((m) => ({ default: m.ThemesPage })));
const TrackerPage = lazy(() => import("../pages/tracker.tsx").then((m) => ({ default: m.TrackerPage })));

/** A department page for a quarter (`2026-27-q2`). */
function QuarterRoute({ children }: { children: (dept: Organisation, period: string) => React.ReactNode }) {
  const { period: segment = "" } = useParams();
  const period = periodFromAddress(segment);
  return <DepartmentRoute>{(dept) => (period ? children(dept, period) : <NotFoundPage />)}</DepartmentRoute>;
}

/** A department page for a quarter (`2026-27-q2`) or a financial year (`2025-26`). */
function ChoiceRoute({ children }: { children: (dept: Organisation, choice: PeriodChoice) => React.ReactNode }) {
  const { period: segment = "" } = useParams();
  const choice = periodChoiceFromAddress(segment);
  return <DepartmentRoute>{(dept) => (choice ? children(dept, choice) : <NotFoundPage />)}</DepartmentRoute>;
}

/** `/portal/{DEPT}/tracker` and the like without a period: the department's latest quarter, query string kept. */
function LatestQuarter({ dept, to }: { dept: Organisation; to: (period: string) => string }) {
  const latest = useLatestQuarter(dept.code);
  if (!latest) return <p className="govuk-body" role="status">Loading…</p>;
  return <Navigate to={`${to(periodToAddress(latest))}${window.location.search}`} replace />;
}

/** A department page for a financial year (`2025-26`); anything else is not found. */
function YearRoute({ children }: { children: (dept: Organisation, financialYear: string) => React.ReactNode }) {
  const { year: segment = "" } = useParams();
  const choice = periodChoiceFromAddress(segment);
  return <DepartmentRoute>{(dept) => (choice?.kind === "year" ? children(dept, choice.financialYear) : <NotFoundPage />)}</DepartmentRoute>;
}

function Param({ name, children }: { name: string; children: (value: string) => React.ReactNode }) {
  const params = useParams();
  return <>{children(params[name] ?? "")}</>;
}

const base = "/portal";

/** Links to this app's pages go through the router (no page load); others, and downloads, stay plain links. */
const renderLink: RenderLink = ({ href, ...rest }) =>
  (href === base || href.startsWith(`${base}/`)) && !rest.download && !rest.target ? <RouterLink to={href.slice(base.length) || "/"} {...rest} /> : <a href={href} {...rest} />;

/** The department portal, served at /portal/. Addresses are part of the design (issue 8): people bookmark and share them. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={base}>
        <LinkProvider renderLink={renderLink}>
          <Layout>
            <Suspense fallback={<p className="govuk-body" role="status">Loading…</p>}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/sign-out" element={<SignOut />} />
              <Route path="/" element={<RequireSignIn>{(me) => <HomePage me={me} />}</RequireSignIn>} />
              <Route path="/:dept/" element={<DepartmentRoute>{(dept) => <DepartmentHomePage key={dept.code} dept={dept} />}</DepartmentRoute>} />
              <Route path="/:dept/tracker" element={<DepartmentRoute>{(dept) => <LatestQuarter dept={dept} to={(p) => `/${dept.code}/tracker/${p}`} />}</DepartmentRoute>} />
              <Route path="/:dept/tracker/:period" element={<QuarterRoute>{(dept, period) => <TrackerPage key={period} dept={dept} period={period} />}</QuarterRoute>} />
              <Route
                path="/:dept/returns/:org/:period"
                element={<QuarterRoute>{(dept, period) => <Param name="org">{(org) => <ReviewPage key={`${org} ${period}`} dept={dept} org={org} period={period} />}</Param>}</QuarterRoute>}
              />
              <Route path="/:dept/compare" element={<DepartmentRoute>{(dept) => <LatestQuarter dept={dept} to={(p) => `/${dept.code}/compare/${p}`} />}</DepartmentRoute>} />
              <Route path="/:dept/compare/:period" element={<ChoiceRoute>{(dept, choice) => <ComparePage dept={dept} choice={choice} />}</ChoiceRoute>} />
              <Route path="/:dept/bodies/:org" element={<DepartmentRoute>{(dept) => <Param name="org">{(org) => <BodyProfilePage key={org} dept={dept} org={org} />}</Param>}</DepartmentRoute>} />
              <Route path="/:dept/funnel" element={<DepartmentRoute>{(dept) => <LatestQuarter dept={dept} to={(p) => `/${dept.code}/funnel/${p}/within_timescale`} />}</DepartmentRoute>} />
              <Route
                path="/:dept/funnel/:period/:measure"
                element={<ChoiceRoute>{(dept, choice) => <Param name="measure">{(measure) => <FunnelPage dept={dept} choice={choice} measure={measure} />}</Param>}</ChoiceRoute>}
              />
              <Route path="/:dept/themes" element={<DepartmentRoute>{(dept) => <ThemesPage dept={dept} />}</DepartmentRoute>} />
              <Route path="/:dept/actions" element={<DepartmentRoute>{(dept) => <ActionsPage dept={dept} />}</DepartmentRoute>} />
              <Route path="/:dept/learning" element={<DepartmentRoute>{(dept) => <LearningPage dept={dept} />}</DepartmentRoute>} />
              <Route path="/:dept/reports" element={<DepartmentRoute>{(dept) => <ReportsPage key={dept.code} dept={dept} />}</DepartmentRoute>} />
              <Route path="/:dept/annual-report/:year" element={<YearRoute>{(dept, year) => <AnnualReportPage key={`${dept.code} ${year}`} dept={dept} financialYear={year} />}</YearRoute>} />
              <Route path="/:dept/summary" element={<DepartmentRoute>{(dept) => <LatestQuarter dept={dept} to={(p) => `/${dept.code}/summary/${p}`} />}</DepartmentRoute>} />
              <Route path="/:dept/summary/:period" element={<ChoiceRoute>{(dept, choice) => <RollupPage dept={dept} choice={choice} />}</ChoiceRoute>} />
              <Route path="*" element={<RequireSignIn>{() => <NotFoundPage />}</RequireSignIn>} />
            </Routes>
            </Suspense>
          </Layout>
        </LinkProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
