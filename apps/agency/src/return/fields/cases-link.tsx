import { Link } from "@complaints/ui";
import type { CaseLink } from "./field-props.tsx";

/**
 * "See the cases behind this figure", under a figure computed from the case file. It is not in the
 * input's aria-describedby: it says nothing about what to type, and would be read out on every
 * visit to the input; it is the next thing in the tab order, and its name says which figure it is for.
 */
export function CasesLink({ cases }: { cases: CaseLink }) {
  return (
    <p className="govuk-body-s app-field__cases">
      <Link className="govuk-link" href={cases.href}>
        See the cases behind this figure<span className="govuk-visually-hidden">: {cases.of}</span>
      </Link>
    </p>
  );
}
