import type { Organisation } from "../app/department.tsx";
import { usePageTitle } from "../app/page-title.ts";

/** Placeholder: being built (issue 8). */
export function ThemesPage({ dept }: { dept: Organisation }) {
  usePageTitle("Themes");
  return <h1 className="govuk-heading-l">Themes</h1>;
}
