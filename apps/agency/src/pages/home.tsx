import { Link, Navigate } from "react-router";
import type { Me } from "../app/auth.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** The organisations the user acts for; with one, straight to its page. */
export function HomePage({ me }: { me: Me }) {
  usePageTitle("Your organisations");
  if (me.organisation?.kind === "body") return <Navigate to={`/${me.organisation.code}/`} replace />;
  return (
    <>
      <h1 className="govuk-heading-l">Your organisations</h1>
      {me.organisation ? (
        <p className="govuk-body">
          You sign in as {me.roleLabel.toLowerCase()} for {me.organisation.name}. Bodies send their returns here; your department's view of them is in the
          department portal.
        </p>
      ) : (
        <p className="govuk-body">Your account is not linked to an organisation. Ask your administrator.</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-in">
          Sign in as someone else
        </Link>
      </p>
    </>
  );
}
