import { OrganisationGate, type Organisation } from "@complaints/client";
import type { ReactNode } from "react";
import { NoAccessPage, NotFoundPage } from "../pages/not-found.tsx";

export { useOrganisation, type Organisation } from "@complaints/client";

/**
 * Pages of one body (`/agency/{ORG}/…`): outside the user's scope "You do not have access", showing
 * nothing of the body; an unknown or malformed code, or a department's code, "Page not found".
 */
export function RequireBody({ code, children }: { code: string; children: (org: Organisation) => ReactNode }) {
  return (
    <OrganisationGate code={code} kind="body" notFound={<NotFoundPage />} noAccess={<NoAccessPage />}>
      {children}
    </OrganisationGate>
  );
}
