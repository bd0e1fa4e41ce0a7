import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";
import { useMounted } from "../shared/use-mounted.ts";
import { focusField } from "./focus-field.ts";

export interface ErrorSummaryItem extends GovukContent {
  /** The field's id as `#id`: for radios, checkboxes and date inputs the first input's. */
  href?: string;
  attributes?: GovukAttributes;
}

/** govuk-frontend `govukErrorSummary` (components/error-summary/template.njk); props mirror its macro options. */
export interface ErrorSummaryProps {
  titleText?: string;
  titleHtml?: string;
  descriptionText?: string;
  descriptionHtml?: string;
  /** The macro's `caller` block: React content for the description. */
  children?: ReactNode;
  errorList?: ErrorSummaryItem[];
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: GovukAttributes;
}

function onLinkClick(event: MouseEvent<HTMLAnchorElement>) {
  if (focusField(event.currentTarget)) event.preventDefault();
}

/**
 * The summary takes focus once mounted (so a screen reader reads it after a failed submit) unless
 * `disableAutoFocus`; render it with a new `key` to take focus again after another failed submit.
 * Its links focus their field rather than jump to it (error-summary.mjs).
 */
export function ErrorSummary(props: ErrorSummaryProps) {
  const root = useRef<HTMLDivElement>(null);
  const mounted = useMounted();
  // tabindex="-1" only while focused, as govuk-frontend's setFocus: the markup starts without it.
  const [focusable, setFocusable] = useState(false);
  useEffect(() => {
    if (mounted && !props.disableAutoFocus) setFocusable(true);
  }, [mounted, props.disableAutoFocus]);
  useEffect(() => {
    if (focusable) root.current?.focus();
  }, [focusable]);

  const hasDescription = props.children !== undefined || props.descriptionHtml || props.descriptionText;
  return (
    <div
      ref={root}
      className={classNames("govuk-error-summary", props.classes)}
      {...(props.disableAutoFocus !== undefined ? { "data-disable-auto-focus": String(props.disableAutoFocus) } : {})}
      {...attributeProps(props.attributes)}
      data-module="govuk-error-summary"
      {...(focusable ? { tabIndex: -1, onBlur: () => setFocusable(false) } : {})}
    >
      <div role="alert">
        <h2 className="govuk-error-summary__title" {...contentProps({ html: props.titleHtml, text: props.titleText })} />
        <div className="govuk-error-summary__body">
          {hasDescription ? <p {...contentProps({ children: props.children, html: props.descriptionHtml, text: props.descriptionText })} /> : null}
          {props.errorList?.length ? (
            <ul className="govuk-list govuk-error-summary__list">
              {props.errorList.map((item, i) =>
                item.href ? (
                  <li key={i}>
                    <a href={item.href} {...attributeProps(item.attributes)} onClick={onLinkClick} {...contentProps(item)} />
                  </li>
                ) : (
                  <li key={i} {...contentProps(item)} />
                ),
              )}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
