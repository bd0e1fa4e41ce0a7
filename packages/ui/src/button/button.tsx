import type { ReactNode } from "react";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { Link } from "../shared/link.tsx";

/** govuk-frontend `govukButton` (components/button/template.njk); props mirror its macro options. */
export interface ButtonProps {
  text?: string;
  html?: string;
  /** Our addition: React content in place of `text` or `html`. */
  children?: ReactNode;
  type?: "button" | "submit" | "reset";
  name?: string;
  value?: string;
  disabled?: boolean;
  href?: string;
  classes?: string;
  attributes?: GovukAttributes;
  preventDoubleClick?: boolean;
  isStartButton?: boolean;
  id?: string;
  onClick?: (event: React.MouseEvent<HTMLButtonElement | HTMLAnchorElement>) => void;
}

function StartIcon() {
  return (
    <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

export function Button(props: ButtonProps) {
  const common = {
    className: classNames("govuk-button", props.classes, props.isStartButton && "govuk-button--start"),
    "data-module": "govuk-button",
    ...attributeProps(props.attributes),
    ...(props.id ? { id: props.id } : {}),
    ...(props.onClick ? { onClick: props.onClick } : {}),
  };
  // Raw HTML can only be an element's whole content; with a start icon it is wrapped in a span.
  const html = props.html?.trim();
  const content = props.children ?? (html && props.isStartButton ? <span dangerouslySetInnerHTML={{ __html: html }} /> : props.text);
  const raw = html && !props.isStartButton && props.children === undefined ? { dangerouslySetInnerHTML: { __html: html } } : null;
  if (props.href) {
    return raw ? (
      <Link href={props.href} role="button" draggable="false" {...common} {...raw} />
    ) : (
      <Link href={props.href} role="button" draggable="false" {...common}>
        {content}
        {props.isStartButton ? <StartIcon /> : null}
      </Link>
    );
  }
  const buttonProps = {
    type: props.type ?? "submit",
    ...(props.value ? { value: props.value } : {}),
    ...(props.name ? { name: props.name } : {}),
    ...(props.disabled ? { disabled: true, "aria-disabled": true } : {}),
    ...(props.preventDoubleClick !== undefined ? { "data-prevent-double-click": String(props.preventDoubleClick) } : {}),
  };
  return raw ? (
    <button {...buttonProps} {...common} {...raw} />
  ) : (
    <button {...buttonProps} {...common}>
      {content}
      {props.isStartButton ? <StartIcon /> : null}
    </button>
  );
}
