import type { ReactNode } from "react";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, escapeHtml, hasContent, type GovukContent } from "../shared/content.ts";

export interface FieldsetLegend extends GovukContent {
  classes?: string;
  isPageHeading?: boolean;
}

/** govuk-frontend `govukFieldset` (components/fieldset/template.njk); props mirror its macro options. */
export interface FieldsetProps {
  describedBy?: string;
  legend?: FieldsetLegend;
  classes?: string;
  role?: string;
  attributes?: GovukAttributes;
  /** Raw HTML content after the legend. */
  html?: string;
  /** The macro's `caller` block: React content after the legend. */
  children?: ReactNode;
}

function Legend({ legend }: { legend: FieldsetLegend }) {
  const className = classNames("govuk-fieldset__legend", legend.classes);
  if (legend.isPageHeading) {
    return (
      <legend className={className}>
        <h1 className="govuk-fieldset__heading" {...contentProps(legend)} />
      </legend>
    );
  }
  return <legend className={className} {...contentProps(legend)} />;
}

export function Fieldset(props: FieldsetProps) {
  const own = {
    className: classNames("govuk-fieldset", props.classes),
    ...(props.role ? { role: props.role } : {}),
    ...(props.describedBy ? { "aria-describedby": props.describedBy } : {}),
    ...attributeProps(props.attributes),
  };
  const legend = hasContent(props.legend) ? <Legend legend={props.legend} /> : null;
  // Raw html next to the legend: assemble the whole content as one HTML string, as React cannot
  // inject HTML beside elements without a wrapper.
  if (props.children === undefined && props.html && props.legend?.children === undefined) {
    return <fieldset {...own} dangerouslySetInnerHTML={{ __html: (hasContent(props.legend) ? legendHtml(props.legend) : "") + props.html }} />;
  }
  return (
    <fieldset {...own}>
      {legend}
      {props.children ?? (props.html ? <RawHtml html={props.html} /> : null)}
    </fieldset>
  );
}

function legendHtml(legend: FieldsetLegend): string {
  const inner = legend.html ? legend.html.trim() : escapeHtml(legend.text ?? "");
  const content = legend.isPageHeading ? `<h1 class="govuk-fieldset__heading">${inner}</h1>` : inner;
  return `<legend class="${escapeHtml(classNames("govuk-fieldset__legend", legend.classes))}">${content}</legend>`;
}

/** Raw HTML that must sit next to other content: React needs an element to hold it. */
function RawHtml({ html }: { html: string }) {
  return <div className="app-raw-html" dangerouslySetInnerHTML={{ __html: html }} />;
}
