import { NotFoundPage, OrganisationGate, RequireSignIn, type Me, type Organisation } from "@complaints/client";
import { periodFromAddress } from "@complaints/domain";
import type { ReactNode } from "react";
import { useParams } from "react-router";

/** What a page of one body is given: who is looking, and the body. */
export interface BodyPageProps {
  me: Me;
  org: Organisation;
}

/** A page of one body's quarter is also given the quarter (a period code, `2026-27 Q2`). */
export interface QuarterPageProps extends BodyPageProps {
  period: string;
}

type BodyRouteProps = { quarter?: false; children: (page: BodyPageProps) => ReactNode } | { quarter: true; children: (page: QuarterPageProps) => ReactNode };

/**
 * The agency app's one guard for a body's pages (`/agency/{orgCode}/…`): signed in (else to sign
 * in, and back afterwards); with `quarter`, `{period}` the address of a quarter (`2026-27-q2`); and
 * the body in the user's scope: outside it "You do not have access", showing nothing of the body; an
 * unknown or malformed code, a department's, or a period that is not a quarter, "Page not found".
 */
export function BodyRoute(props: BodyRouteProps) {
  const { orgCode = "", period: segment = "" } = useParams();
  const period = props.quarter ? periodFromAddress(segment) : null;
  return (
    <RequireSignIn>
      {(me) =>
        props.quarter && !period ? (
          <NotFoundPage />
        ) : (
          <OrganisationGate code={orgCode} kind="body">
            {(org) => (props.quarter ? props.children({ me, org, period: period! }) : props.children({ me, org }))}
          </OrganisationGate>
        )
      }
    </RequireSignIn>
  );
}
