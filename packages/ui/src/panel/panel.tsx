import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, hasContent, type GovukContent } from "../shared/content.ts";
import { Link } from "../shared/link.tsx";
import { Button } from "../button/button.tsx";

/** An interruption panel's action: a button, or a link when it has an `href` and is not `type: "button"`. */
export interface PanelAction {
  text: string;
  type?: "button" | "submit" | "reset";
  href?: string;
  classes?: string;
  attributes?: GovukAttributes;
}

export interface PanelActions {
  items?: PanelAction[];
  classes?: string;
  attributes?: GovukAttributes;
}

/**
 * govuk-frontend `govukPanel` (components/panel/template.njk); props mirror its macro options, with
 * `children` for the macro's `caller` block (the body as React content).
 */
export interface PanelProps extends GovukContent {
  titleText?: string;
  titleHtml?: string;
  headingLevel?: number;
  classes?: string;
  attributes?: GovukAttributes;
  /** Shown only on an interruption panel (`classes: "govuk-panel--interruption"`). */
  actions?: PanelActions;
}

export function Panel(props: PanelProps) {
  const Heading = `h${props.headingLevel || 1}` as "h1";
  // Without the interruption modifier a panel is a confirmation (template.njk's default variant).
  const isInterruption = Boolean(props.classes?.includes("govuk-panel--interruption"));
  return (
    <div className={classNames("govuk-panel", !isInterruption && "govuk-panel--confirmation", props.classes)} {...attributeProps(props.attributes)}>
      <Heading className="govuk-panel__title" {...contentProps({ html: props.titleHtml, text: props.titleText })} />
      {hasContent(props) ? <div className="govuk-panel__body" {...contentProps(props)} /> : null}
      {isInterruption && props.actions ? (
        <div className={classNames("govuk-panel__actions", props.actions.classes)} {...attributeProps(props.actions.attributes)}>
          {props.actions.items?.length ? (
            <div className="govuk-button-group">
              {props.actions.items.map((action, index) => (
                <PanelActionItem key={index} action={action} />
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function PanelActionItem({ action }: { action: PanelAction }) {
  if (!action.href || action.type === "button") {
    return <Button text={action.text} type={action.type || "button"} classes={classNames("govuk-button--inverse", action.classes)} {...(action.href ? { href: action.href } : {})} {...(action.attributes ? { attributes: action.attributes } : {})} />;
  }
  return (
    <Link className={classNames("govuk-link govuk-link--inverse", action.classes)} href={action.href} {...attributeProps(action.attributes)}>
      {action.text}
    </Link>
  );
}
