import { Link, Navigate } from "react-router";
import { type Me, usePageTitle } from "@complaints/client";
import { departmentOf } from "../app/department-route.tsx";

/** `/portal/`: straight to the user's department; a body's people are pointed at their own app. */
export function HomePage({ me }: { me: Me }) {
  usePageTitle("Your department");
  const dept = departmentOf(me);
  if (dept) return <Navigate to={`/${dept.code}/`} replace />;
  return (
    <>
      <h1 className="govuk-heading-l">This portal is for departments</h1>
      <p className="govuk-body">
        You sign in as {me.roleLabel.toLowerCase()}
        {me.organisation ? ` for ${me.organisation.name}` : ""}. The department portal is for a parent department's oversight analysts, board secretariat and
        administrators.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href="/agency/">
          Go to the returns app for your organisation
        </a>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-in">
          Sign in as someone else
        </Link>
      </p>
    </>
  );
}
