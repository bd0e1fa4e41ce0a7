import { AppShell, ForgottenPasswordPage, InvitationPage, ResetPasswordPage, Loading, NoAccessPage, NotFoundPage, RequireSignIn, SignOut, standardPageRoutes } from "@complaints/client";
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { AdminRoute, isAdministrator } from "../admin/admin-route.tsx";
import { ComparePage } from "../pages/compare.tsx";
import { HomePage } from "../pages/home.tsx";
import { SignInPage } from "../pages/sign-in.tsx";
import { DepartmentRoute, LatestQuarter } from "./department-route.tsx";
import { Layout } from "./layout.tsx";

/**
 * Each page is its own chunk, loaded when first visited, so the charts do not slow the first load of
 * every other page on an old laptop. The compare page, whose 400 rows must be interactive within a
 * second of navigation, is in the main chunk: no second round trip before it can draw.
 */
const AdminPeoplePage = lazy(() => import("../pages/admin-people.tsx").then((m) => ({ default: m.AdminPeoplePage })));
const ActionsPage = lazy(() => import("../pages/actions.tsx").then((m) => ({ default: m.ActionsPage })));
const AnnualReportPage = lazy(() => import("../pages/annual-report.tsx").then((m) => ({ default: m.AnnualReportPage })));
const BodyProfilePage = lazy(() => import("../pages/body-profile.tsx").then((m) => ({ default: m.BodyProfilePage })));
const ChasePage = lazy(() => import("../pages/chase.tsx").then((m) => ({ default: m.ChasePage })));
const DepartmentHomePage = lazy(() => import("../pages/department-home.tsx").then((m) => ({ default: m.DepartmentHomePage })));
const FunnelPage = lazy(() => import("../pages/funnel.tsx").then((m) => ({ default: m.FunnelPage })));
const LearningPage = lazy(() => import("../pages/learning.tsx").then((m) => ({ default: m.LearningPage })));
const ReportsPage = lazy(() => import("../pages/reports.tsx").then((m) => ({ default: m.ReportsPage })));
const ReviewPage = lazy(() => import("../pages/review.tsx").then((m) => ({ default: m.ReviewPage })));
const ThemesPage = lazy(() => import("../pages/themes.tsx").then((m) => ({ default: m.ThemesPage })));
const TotalsPage = lazy(() => import("../pages/totals.tsx").then((m) => ({ default: m.TotalsPage })));
const AdminHomePage = lazy(() => import("../admin/admin-home.tsx").then((m) => ({ default: m.AdminHomePage })));
const OrganisationsPage = lazy(() => import("../admin/organisations-page.tsx").then((m) => ({ default: m.OrganisationsPage })));
const OrganisationPage = lazy(() => import("../admin/organisation-page.tsx").then((m) => ({ default: m.OrganisationPage })));
const CloseOrganisationPage = lazy(() => import("../admin/close-organisation-page.tsx").then((m) => ({ default: m.CloseOrganisationPage })));
const WindowsPage = lazy(() => import("../admin/windows-page.tsx").then((m) => ({ default: m.WindowsPage })));
const WindowPage = lazy(() => import("../admin/window-page.tsx").then((m) => ({ default: m.WindowPage })));
const AuditPage = lazy(() => import("../admin/audit-page.tsx").then((m) => ({ default: m.AuditPage })));
const TrackerPage = lazy(() => import("../pages/tracker.tsx").then((m) => ({ default: m.TrackerPage })));

const identity = { serviceName: "Department portal", base: "/portal", homeText: "Go to your department" };

/** The department portal, served at /portal/. Addresses are part of the design: people bookmark and share them. */
export function App() {
  return (
    <AppShell identity={identity}>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-out" element={<SignOut />} />
            <Route path="/forgotten-password" element={<ForgottenPasswordPage />} />
            <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
            <Route path="/invitation/:token" element={<InvitationPage />} />
            {standardPageRoutes}
            <Route path="/" element={<RequireSignIn>{(me) => <HomePage me={me} />}</RequireSignIn>} />
            <Route path="/:deptCode/" element={<DepartmentRoute>{({ dept }) => <DepartmentHomePage key={dept.code} dept={dept} />}</DepartmentRoute>} />
            <Route path="/:deptCode/tracker" element={<DepartmentRoute>{({ dept }) => <LatestQuarter dept={dept} to={(p) => `/${dept.code}/tracker/${p}`} />}</DepartmentRoute>} />
            <Route path="/:deptCode/tracker/:period" element={<DepartmentRoute period="quarter">{({ dept, period }) => <TrackerPage key={period} dept={dept} period={period} />}</DepartmentRoute>} />
            <Route path="/:deptCode/tracker/:period/chase/:orgCode" element={<DepartmentRoute period="quarter">{({ dept, orgCode, period }) => <ChasePage key={`${orgCode} ${period}`} dept={dept} org={orgCode} period={period} />}</DepartmentRoute>} />
            <Route path="/:deptCode/returns/:orgCode/:period" element={<DepartmentRoute period="quarter">{({ dept, orgCode, period }) => <ReviewPage key={`${orgCode} ${period}`} dept={dept} org={orgCode} period={period} />}</DepartmentRoute>} />
            <Route path="/:deptCode/compare" element={<DepartmentRoute>{({ dept }) => <LatestQuarter dept={dept} to={(p) => `/${dept.code}/compare/${p}`} />}</DepartmentRoute>} />
            <Route path="/:deptCode/compare/:period" element={<DepartmentRoute period="choice">{({ dept, period }) => <ComparePage dept={dept} choice={period} />}</DepartmentRoute>} />
            <Route path="/:deptCode/bodies/:orgCode" element={<DepartmentRoute>{({ dept, orgCode }) => <BodyProfilePage key={orgCode} dept={dept} org={orgCode} />}</DepartmentRoute>} />
            <Route path="/:deptCode/funnel" element={<DepartmentRoute>{({ dept }) => <LatestQuarter dept={dept} to={(p) => `/${dept.code}/funnel/${p}/within_timescale`} />}</DepartmentRoute>} />
            <Route path="/:deptCode/funnel/:period/:measure" element={<DepartmentRoute period="choice">{({ dept, period }) => <FunnelPage dept={dept} choice={period} />}</DepartmentRoute>} />
            <Route path="/:deptCode/themes" element={<DepartmentRoute>{({ dept }) => <ThemesPage dept={dept} />}</DepartmentRoute>} />
            <Route path="/:deptCode/actions" element={<DepartmentRoute>{({ dept }) => <ActionsPage dept={dept} />}</DepartmentRoute>} />
            <Route path="/:deptCode/learning" element={<DepartmentRoute>{({ dept }) => <LearningPage dept={dept} />}</DepartmentRoute>} />
            <Route path="/:deptCode/reports" element={<DepartmentRoute>{({ dept }) => <ReportsPage key={dept.code} dept={dept} />}</DepartmentRoute>} />
            <Route path="/:deptCode/annual-report/:period" element={<DepartmentRoute period="year">{({ dept, period }) => <AnnualReportPage key={`${dept.code} ${period}`} dept={dept} financialYear={period} />}</DepartmentRoute>} />
            {/* The Totals page: its address stays `/summary/…`, as people bookmark it. */}
            <Route path="/:deptCode/summary" element={<DepartmentRoute>{({ dept }) => <LatestQuarter dept={dept} to={(p) => `/${dept.code}/summary/${p}`} />}</DepartmentRoute>} />
            <Route path="/:deptCode/summary/:period" element={<DepartmentRoute period="choice">{({ dept, period }) => <TotalsPage dept={dept} choice={period} />}</DepartmentRoute>} />
            {/* Administration: the department's administrators only (AdminRoute). */}
            <Route path="/:deptCode/admin" element={<AdminRoute>{({ dept }) => <AdminHomePage dept={dept} />}</AdminRoute>} />
            <Route path="/:deptCode/admin/organisations" element={<AdminRoute>{({ dept }) => <OrganisationsPage key={dept.code} dept={dept} />}</AdminRoute>} />
            <Route path="/:deptCode/admin/organisations/:orgCode" element={<AdminRoute>{({ dept, orgCode }) => <OrganisationPage key={orgCode} dept={dept} org={orgCode} />}</AdminRoute>} />
            <Route path="/:deptCode/admin/organisations/:orgCode/close" element={<AdminRoute>{({ dept, orgCode }) => <CloseOrganisationPage key={orgCode} dept={dept} org={orgCode} />}</AdminRoute>} />
            <Route path="/:deptCode/admin/people" element={<AdminRoute>{({ dept }) => <AdminPeoplePage key={dept.code} dept={dept} />}</AdminRoute>} />
            <Route path="/:deptCode/admin/windows" element={<AdminRoute>{({ dept }) => <WindowsPage key={dept.code} dept={dept} />}</AdminRoute>} />
            <Route path="/:deptCode/admin/windows/:period" element={<DepartmentRoute period="quarter">{({ me, dept, period }) => (isAdministrator(me) ? <WindowPage key={period} dept={dept} period={period} /> : <NoAccessPage />)}</DepartmentRoute>} />
            <Route path="/:deptCode/admin/audit" element={<AdminRoute>{({ dept }) => <AuditPage key={dept.code} dept={dept} />}</AdminRoute>} />
            <Route path="*" element={<RequireSignIn>{() => <NotFoundPage />}</RequireSignIn>} />
          </Routes>
        </Suspense>
      </Layout>
    </AppShell>
  );
}
