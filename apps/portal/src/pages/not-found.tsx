import { Link } from "react-router";
import { usePageTitle } from "../app/page-title.ts";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to your department
        </Link>
      </p>
    </>
  );
}

export function NoAccessPage() {
  usePageTitle("You do not have access");
  return (
    <>
      <h1 className="govuk-heading-l">You do not have access</h1>
      <p className="govuk-body">Your account does not give you access to this page. If you think it should, ask your organisation's administrator.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to your department
        </Link>
      </p>
    </>
  );
}
