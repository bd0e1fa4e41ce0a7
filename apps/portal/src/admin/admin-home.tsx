import { usePageTitle, type Organisation } from "@complaints/client";
import { Link } from "@complaints/ui";
import { adminAddress } from "./admin-route.tsx";

/** `/portal/{DEPT}/admin`: what a department's administrator can change, one link a page. */
export function AdminHomePage({ dept }: { dept: Organisation }) {
  usePageTitle("Administration");
  const pages = [
    { href: adminAddress.organisations(dept.code), text: "Bodies", about: "Add a body, rename it, close it, and keep its service-area codes." },
    { href: adminAddress.people(dept.code), text: "People", about: "Invite people, change their roles and bodies, deactivate them, send a password-reset link." },
    { href: adminAddress.windows(dept.code), text: "Reporting windows", about: "Open a quarter with its due date, give one body more time, close a window." },
    { href: adminAddress.audit(dept.code), text: "Audit log", about: "Every change made in the service, filtered and downloadable as CSV." },
  ];
  return (
    <>
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Administration</h1>
      <ul className="govuk-list">
        {pages.map((p) => (
          <li key={p.href} className="govuk-!-margin-bottom-4">
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link className="govuk-link" href={p.href}>
                {p.text}
              </Link>
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-0">{p.about}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
