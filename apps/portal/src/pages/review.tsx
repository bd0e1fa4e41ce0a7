import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function ReviewPage({ dept, org, period }: { dept: Organisation; org: string; period: string }) {
  usePageTitle("Review a return");
  return <h1 className="govuk-heading-l">Review a return</h1>;
}
