import type { PeriodChoice } from "@complaints/domain/browser";
import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function ComparePage({ dept, choice }: { dept: Organisation; choice: PeriodChoice }) {
  usePageTitle("Compare bodies");
  return <h1 className="govuk-heading-l">Compare bodies</h1>;
}
