import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function BodyProfilePage({ dept, org }: { dept: Organisation; org: string }) {
  usePageTitle("Body profile");
  return <h1 className="govuk-heading-l">Body profile</h1>;
}
