import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function ActionsPage({ dept }: { dept: Organisation }) {
  usePageTitle("Action plans across bodies");
  return <h1 className="govuk-heading-l">Action plans across bodies</h1>;
}
