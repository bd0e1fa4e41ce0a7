import type { PeriodChoice } from "@complaints/domain/browser";
import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function FunnelPage({ dept, choice, measure }: { dept: Organisation; choice: PeriodChoice; measure: string }) {
  usePageTitle("Funnel plot");
  return <h1 className="govuk-heading-l">Funnel plot</h1>;
}
