import { AppShell, ForgottenPasswordPage, InvitationPage, ResetPasswordPage, NotFoundPage, RequireSignIn, SignOut, standardPageRoutes } from "@complaints/client";
import { Route, Routes } from "react-router";
import { actionRoutes } from "../actions/routes.tsx";
import { caseRoutes } from "../cases/routes.tsx";
import { BodyPage } from "../pages/body.tsx";
import { CheckPage } from "../pages/check.tsx";
import { HistoryPage } from "../pages/history.tsx";
import { HomePage } from "../pages/home.tsx";
import { SignInPage } from "../pages/sign-in.tsx";
import { ReturnRoute } from "../return/return-route.tsx";
import { UploadRoute } from "../return/upload/upload-page.tsx";
import { BodyRoute } from "./body-route.tsx";
import { Layout } from "./layout.tsx";

const identity = { serviceName: "Complaints returns", base: "/agency", homeText: "Go to your organisations" };

/** The agency app, served at /agency/. Addresses are part of the design: people bookmark them. */
export function App() {
  return (
    <AppShell identity={identity}>
      <Layout>
        <Routes>
          {actionRoutes}
          {caseRoutes}
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-out" element={<SignOut />} />
          <Route path="/forgotten-password" element={<ForgottenPasswordPage />} />
          <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
          <Route path="/invitation/:token" element={<InvitationPage />} />
          {standardPageRoutes}
          <Route path="/" element={<RequireSignIn>{(me) => <HomePage me={me} />}</RequireSignIn>} />
          <Route path="/:orgCode/" element={<BodyRoute>{({ org }) => <BodyPage key={org.code} org={org} />}</BodyRoute>} />
          <Route path="/:orgCode/returns/:period/check" element={<BodyRoute quarter>{({ org, period }) => <CheckPage key={`${org.code} ${period}`} org={org} period={period} />}</BodyRoute>} />
          <Route path="/:orgCode/returns/:period/upload" element={<BodyRoute quarter>{(page) => <UploadRoute key={`${page.org.code} ${page.period}`} {...page} />}</BodyRoute>} />
          <Route path="/:orgCode/returns/:period/" element={<BodyRoute quarter>{(page) => <ReturnRoute key={`${page.org.code} ${page.period}`} {...page} />}</BodyRoute>} />
          <Route path="/:orgCode/returns/:period/:section" element={<BodyRoute quarter>{(page) => <ReturnRoute key={`${page.org.code} ${page.period}`} {...page} />}</BodyRoute>} />
          <Route path="/:orgCode/returns/:period/history" element={<BodyRoute quarter>{({ org, period }) => <HistoryPage key={`${org.code} ${period}`} org={org} period={period} />}</BodyRoute>} />
          <Route path="*" element={<RequireSignIn>{() => <NotFoundPage />}</RequireSignIn>} />
        </Routes>
      </Layout>
    </AppShell>
  );
}
