import { issueSections, type ServiceArea, type TemplateDeclaration, type ValidationIssue } from "@complaints/domain";
import { Link, type ErrorSummaryItem } from "@complaints/ui";
import { Fragment } from "react";

/** Whether a check names fields in more than one section (domain issueSections). */
export function spansSections(issue: ValidationIssue, template: TemplateDeclaration, serviceAreas: readonly ServiceArea[]): boolean {
  return issueSections(issue, template, serviceAreas).length > 1;
}

/**
 * An error summary item for an error that spans sections: its message, then a link to each
 * section involved, at the first of the error's figures there, since the user may fix it in any
 * of them (the breakdown, or the figure it must add up to).
 */
export function crossSectionErrorItem(
  issue: ValidationIssue,
  template: TemplateDeclaration,
  serviceAreas: readonly ServiceArea[],
  href: (sectionId: string, fieldId: string) => string,
): ErrorSummaryItem {
  const sections = issueSections(issue, template, serviceAreas);
  const links = sections.map((sectionId) => {
    const fieldId = issue.fieldIds.find((id) => issueSections({ fieldIds: [id] }, template, serviceAreas)[0] === sectionId)!;
    const title = template.sections.find((s) => s.id === sectionId)!.title;
    return { sectionId, href: href(sectionId, fieldId), title };
  });
  return {
    children: (
      <>
        {issue.message}{" "}
        <span className="govuk-!-display-block govuk-!-margin-top-1">
          Change the figures in{" "}
          {links.map((l, i) => (
            <Fragment key={l.sectionId}>
              {i === 0 ? "" : i === links.length - 1 ? " or " : ", "}
              <Link href={l.href}>{l.title}</Link>
            </Fragment>
          ))}
          .
        </span>
      </>
    ),
  };
}
