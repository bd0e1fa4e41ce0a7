import { QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Route, Routes } from "react-router";
import { HomePage } from "../pages/home.tsx";
import { NotFoundPage } from "../pages/not-found.tsx";
import { SignInPage } from "../pages/sign-in.tsx";
import { ReturnRoute } from "../return/return-route.tsx";
import { RequireSignIn } from "./auth.tsx";
import { Layout } from "./layout.tsx";
import { queryClient } from "./query.ts";

/** The agency app, served at /agency/. Addresses are part of the design: people bookmark them. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename="/agency">
        <Layout>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/" element={<RequireSignIn>{(me) => <HomePage me={me} />}</RequireSignIn>} />
            <Route path="/:organisationCode/returns/:period/" element={<RequireSignIn>{(me) => <ReturnRoute me={me} />}</RequireSignIn>} />
            <Route path="/:organisationCode/returns/:period/:section" element={<RequireSignIn>{(me) => <ReturnRoute me={me} />}</RequireSignIn>} />
            <Route path="*" element={<RequireSignIn>{() => <NotFoundPage />}</RequireSignIn>} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
