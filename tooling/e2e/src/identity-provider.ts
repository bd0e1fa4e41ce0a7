import { inject } from "vitest";
import { startIdentityProvider, type TestIdentityProvider } from "@complaints/api/testing/identity-provider";
import { startApp, type AppName, type RunningApp } from "./harness.ts";

export type { TestIdentityProvider };

/**
 * The demo server with single sign-on for the Department for Example Services (demo.example emails)
 * through a test provider, for browser tests of either app's sign-in page.
 */
export async function startAppWithSingleSignOn(needs: readonly AppName[]): Promise<{ app: RunningApp; idp: TestIdentityProvider }> {
  const idp = await startIdentityProvider();
  const client = { clientId: "complaints-des", clientSecret: "des-test-secret-0123456789" };
  const app = await startApp({
    template: inject("demoSqliteTemplate") ?? undefined,
    needs,
    env: (url) => ({
      PUBLIC_URL: url,
      OIDC_CONFIG: JSON.stringify({ departments: [{ department: "DES", issuer: idp.issuer, ...client, emailDomains: ["demo.example"], passwordSignIn: true }] }),
    }),
  }).catch(async (error: unknown) => {
    await idp.close();
    throw error;
  });
  idp.serve({ clients: [client], redirectUri: `${app.url}/auth/sso/callback` });
  return { app, idp };
}
