import { LinkProvider } from "@complaints/ui";
import type { ReactNode } from "react";
import { Link as RouterLink, useParams } from "react-router";
import { RequireSignIn, ServiceProblem, type Me } from "../app/auth.tsx";
import { errorCode } from "../app/trpc.ts";
import { NoAccessPage, NotFoundPage } from "../pages/not-found.tsx";

/** Who is looking at a body's action plans, and whether they may change them. */
export interface ActionsViewer {
  me: Me;
  /** The body in the address (`/agency/{ORG}/actions…`). */
  org: string;
  /** The body's own people (complaints team, senior accountable officer) keep its plans; its department only reads them. */
  canEdit: boolean;
}

/** A body's own people: any body the user acts for (a shared complaints team acts for several), with the permission. */
export function canEditActions(me: Me, org: string): boolean {
  return me.organisations.some((o) => o.kind === "body" && o.code === org) && (me.permissions as readonly string[]).includes("actions.edit");
}

/**
 * An action page: signed in, and links inside (summary list "Change", back links, buttons) go
 * through the router rather than reloading the page.
 */
export function ActionsRoute({ children }: { children: (viewer: ActionsViewer) => ReactNode }) {
  const { org = "" } = useParams();
  return (
    <RequireSignIn>
      {(me) => (
        <LinkProvider renderLink={({ href, ...rest }) => (href.startsWith("/") && !href.startsWith("/agency/") ? <RouterLink to={href} {...rest} /> : <a href={href} {...rest} />)}>
          {children({ me, org, canEdit: canEditActions(me, org) })}
        </LinkProvider>
      )}
    </RequireSignIn>
  );
}

/** A refused read as a page: outside the user's scope "You do not have access", unknown "Page not found"; never the data. */
export function QueryProblem({ error }: { error: unknown }) {
  const code = errorCode(error);
  if (code === "FORBIDDEN") return <NoAccessPage />;
  if (code === "NOT_FOUND" || code === "BAD_REQUEST") return <NotFoundPage />;
  return <ServiceProblem />;
}

export function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

/** Action plan ids are UUIDs: anything else in the address is a page that does not exist. */
export function isPlanId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
