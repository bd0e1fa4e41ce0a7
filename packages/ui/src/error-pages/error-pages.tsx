import { Link } from "../shared/link.tsx";

export interface ErrorPageProps {
  /** Where the way out goes (`/agency/`, `/portal/`) and what it says. */
  homeHref: string;
  homeText: string;
}

/** The GOV.UK "Page not found" page's content. */
export function PageNotFound({ homeHref, homeText }: ErrorPageProps) {
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={homeHref}>
          {homeText}
        </Link>
      </p>
    </>
  );
}

/** What a signed-in user sees at an address outside their scope: nothing of what is there. */
export function NoAccess({ homeHref, homeText }: ErrorPageProps) {
  return (
    <>
      <h1 className="govuk-heading-l">You do not have access</h1>
      <p className="govuk-body">Your account does not give you access to this page. If you think it should, ask your organisation's administrator.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={homeHref}>
          {homeText}
        </Link>
      </p>
    </>
  );
}
