import { LinkProvider } from "@complaints/ui";
import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";
import type { Me } from "@complaints/client";
import { BodyRoute } from "../app/body-route.tsx";

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
 * An action page: a body's page (BodyRoute: signed in, the body in the user's scope), whose links
 * inside (summary list "Change", back links, buttons) go through the router rather than reloading the page.
 */
export function ActionsRoute({ children }: { children: (viewer: ActionsViewer) => ReactNode }) {
  return (
    <BodyRoute>
      {({ me, org }) => (
        <LinkProvider renderLink={({ href, ...rest }) => (href.startsWith("/") && !href.startsWith("/agency/") ? <RouterLink to={href} {...rest} /> : <a href={href} {...rest} />)}>
          {children({ me, org: org.code, canEdit: canEditActions(me, org.code) })}
        </LinkProvider>
      )}
    </BodyRoute>
  );
}

/** Action plan ids are UUIDs: anything else in the address is a page that does not exist. */
export function isPlanId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
