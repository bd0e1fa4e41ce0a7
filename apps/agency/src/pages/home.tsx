import { Link, Navigate } from "react-router";
import { type Me, usePageTitle } from "@complaints/client";

/** The organisations the user acts for; with one, straight to its page. */
export function HomePage({ me }: { me: Me }) {
  usePageTitle("Your organisations");
  const bodies = me.organisations.filter((o) => o.kind === "body");
  if (bodies.length === 1) return <Navigate to={`/${bodies[0]!.code}/`} replace />;
  return (
    <>
      <h1 className="govuk-heading-l">Your organisations</h1>
      {bodies.length > 1 ? (
        <>
          <p className="govuk-body">You act for these bodies. Choose one to see its returns.</p>
          <ul className="govuk-list">
            {bodies.map((b) => (
              <li key={b.code}>
                <Link className="govuk-link" to={`/${b.code}/`}>
                  {b.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : me.organisation ? (
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
