import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function DepartmentHomePage({ dept }: { dept: Organisation }) {
  usePageTitle("Summary of the latest quarter");
  return <h1 className="govuk-heading-l">Summary of the latest quarter</h1>;
}
