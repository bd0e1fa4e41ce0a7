import { assuranceIcon, variationIcon, type VariationSide } from "@complaints/charts";
import type { Assurance, Variation } from "@complaints/stats";
import { SvgNodeView } from "../chart-figure/svg-node-view.tsx";

export interface VariationIconProps {
  variation: Variation;
  /** H or L on a special cause (see `variationSide` in @complaints/charts). */
  side?: VariationSide | null | undefined;
  /** Hide the words visually (they stay for screen readers); default false: words shown beside the icon. */
  visuallyHideWords?: boolean | undefined;
}

/** Making Data Count variation icon with its words beside it; the icon itself is aria-hidden. */
export function VariationIcon(props: VariationIconProps) {
  const icon = variationIcon(props.variation, props.side ?? null);
  return (
    <span className="app-mdc-icon" style={{ display: "inline-flex", alignItems: "center", gap: "8px", marginRight: "20px", marginBottom: "4px" }}>
      <span style={{ flex: "0 0 auto", display: "flex" }}>
        <SvgNodeView node={icon.tree} />
      </span>
      <span className={props.visuallyHideWords ? "govuk-visually-hidden" : "govuk-body-s govuk-!-margin-0"}>{icon.words}</span>
    </span>
  );
}

export interface AssuranceIconProps {
  assurance: Assurance;
  visuallyHideWords?: boolean | undefined;
}

/** Making Data Count assurance icon with its words beside it; the icon itself is aria-hidden. */
export function AssuranceIcon(props: AssuranceIconProps) {
  const icon = assuranceIcon(props.assurance);
  return (
    <span className="app-mdc-icon" style={{ display: "inline-flex", alignItems: "center", gap: "8px", marginRight: "20px", marginBottom: "4px" }}>
      <span style={{ flex: "0 0 auto", display: "flex" }}>
        <SvgNodeView node={icon.tree} />
      </span>
      <span className={props.visuallyHideWords ? "govuk-visually-hidden" : "govuk-body-s govuk-!-margin-0"}>{icon.words}</span>
    </span>
  );
}
