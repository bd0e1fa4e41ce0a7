import type { PeriodChoice } from "@complaints/domain/browser";
import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function RollupPage({ dept, choice }: { dept: Organisation; choice: PeriodChoice }) {
  usePageTitle("Department roll-up");
  return <h1 className="govuk-heading-l">Department roll-up</h1>;
}
