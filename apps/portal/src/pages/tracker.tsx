import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function TrackerPage({ dept, period }: { dept: Organisation; period: string }) {
  usePageTitle("Submission tracker");
  return <h1 className="govuk-heading-l">Submission tracker</h1>;
}
