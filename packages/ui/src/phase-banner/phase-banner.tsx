import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";
import { Tag } from "../tag/tag.tsx";

/** govuk-frontend `govukPhaseBanner` (components/phase-banner/template.njk); props mirror its macro options. */
export interface PhaseBannerProps extends GovukContent {
  tag?: GovukContent & { classes?: string };
  classes?: string;
  attributes?: GovukAttributes;
}

export function PhaseBanner(props: PhaseBannerProps) {
  const tag = props.tag ?? {};
  return (
    <div className={classNames("govuk-phase-banner govuk-width-container", props.classes)} {...attributeProps(props.attributes)}>
      <p className="govuk-phase-banner__content">
        <Tag {...tag} classes={classNames("govuk-phase-banner__content__tag", tag.classes)} />
        {/* The template's white space between tag and text, so the two are not read out as one word ("BetaThis"). */}{" "}
        <span className="govuk-phase-banner__text" {...contentProps(props)} />
      </p>
    </div>
  );
}
