import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function LearningPage({ dept }: { dept: Organisation }) {
  usePageTitle("Learning library");
  return <h1 className="govuk-heading-l">Learning library</h1>;
}
