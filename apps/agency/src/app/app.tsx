import { QueryClientProvider } from "@tanstack/react-query";
import { SignOut } from "@complaints/client";
import { LinkProvider, type RenderLink } from "@complaints/ui";
import { BrowserRouter, Link as RouterLink, Route, Routes, useParams } from "react-router";
import { BodyPage } from "../pages/body.tsx";
import { CheckPage } from "../pages/check.tsx";
import { HistoryPage } from "../pages/history.tsx";
import { HomePage } from "../pages/home.tsx";
import { NotFoundPage } from "../pages/not-found.tsx";
import { actionRoutes } from "../actions/routes.tsx";
import { caseRoutes } from "../cases/routes.tsx";
import { SignInPage } from "../pages/sign-in.tsx";
import { periodFromAddress } from "@complaints/domain";
import { ReturnRoute as ReturnPagesRoute } from "../return/return-route.tsx";
import { UploadRoute } from "../return/upload/upload-page.tsx";
import { RequireSignIn } from "./auth.tsx";
import { Layout } from "./layout.tsx";
import { RequireBody, type Organisation } from "./organisation.tsx";
import { queryClient } from "./query.ts";

/** A page of one body: signed in, and the body in the user's scope (else "You do not have access"). */
function BodyRoute({ children }: { children: (org: Organisation) => React.ReactNode }) {
  const { org = "" } = useParams();
  return <RequireSignIn>{() => <RequireBody code={org}>{children}</RequireBody>}</RequireSignIn>;
}

/** A page of one body's return for a quarter: `{PERIOD}` must name a quarter (`2026-27-q2`). */
function ReturnRoute({ children }: { children: (org: Organisation, period: string) => React.ReactNode }) {
  const { period: segment = "" } = useParams();
  const period = periodFromAddress(segment);
  return <BodyRoute>{(org) => (period ? children(org, period) : <NotFoundPage />)}</BodyRoute>;
}

const base = "/agency";

/**
 * Links to this app's pages go through the router (no page load); others, and downloads, stay
 * plain links. packages/ui's components render their links with this.
 */
const renderLink: RenderLink = ({ href, ...rest }) =>
  (href === base || href.startsWith(`${base}/`)) && !rest.download && !rest.target ? <RouterLink to={href.slice(base.length) || "/"} {...rest} /> : <a href={href} {...rest} />;

/** The agency app, served at /agency/. Addresses are part of the design: people bookmark them. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={base}>
        <LinkProvider renderLink={renderLink}>
          <Layout>
            <Routes>
              {actionRoutes}
              {caseRoutes}
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/sign-out" element={<SignOut />} />
              <Route path="/" element={<RequireSignIn>{(me) => <HomePage me={me} />}</RequireSignIn>} />
              <Route path="/:org/" element={<BodyRoute>{(org) => <BodyPage key={org.code} org={org} />}</BodyRoute>} />
              <Route path="/:org/returns/:period/check" element={<ReturnRoute>{(org, period) => <CheckPage key={`${org.code} ${period}`} org={org} period={period} />}</ReturnRoute>} />
              <Route path="/:organisationCode/returns/:period/upload" element={<RequireSignIn>{(me) => <UploadRoute me={me} />}</RequireSignIn>} />
              <Route path="/:organisationCode/returns/:period/" element={<RequireSignIn>{(me) => <ReturnPagesRoute me={me} />}</RequireSignIn>} />
              <Route path="/:organisationCode/returns/:period/:section" element={<RequireSignIn>{(me) => <ReturnPagesRoute me={me} />}</RequireSignIn>} />
              <Route path="/:org/returns/:period/history" element={<ReturnRoute>{(org, period) => <HistoryPage key={`${org.code} ${period}`} org={org} period={period} />}</ReturnRoute>} />
              <Route path="*" element={<RequireSignIn>{() => <NotFoundPage />}</RequireSignIn>} />
            </Routes>
          </Layout>
        </LinkProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
