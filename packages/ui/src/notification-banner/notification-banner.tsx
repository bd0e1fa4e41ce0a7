import { useEffect, useRef } from "react";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";
import { setFocus } from "../shared/set-focus.ts";

/**
 * govuk-frontend `govukNotificationBanner` (components/notification-banner/template.njk); props mirror
 * its macro options, with `children` for the macro's `caller` block (React content, e.g. links).
 */
export interface NotificationBannerProps extends GovukContent {
  titleText?: string;
  titleHtml?: string;
  titleHeadingLevel?: number | string;
  type?: "success" | (string & {});
  role?: string;
  titleId?: string;
  /** A success banner takes focus when it appears (so it is read out) unless this is true. */
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: GovukAttributes;
}

/** The banner's role: given, else `alert` for success so it is announced, else `region`, a landmark (template.njk). */
export function notificationBannerRole(props: Pick<NotificationBannerProps, "role" | "type">): string {
  return props.role || (props.type === "success" ? "alert" : "region");
}

/** notification-banner.mjs: a banner with role `alert` takes focus on mount unless auto-focus is disabled. */
export function takesFocusOnMount(props: Pick<NotificationBannerProps, "role" | "type" | "disableAutoFocus">): boolean {
  return notificationBannerRole(props) === "alert" && !props.disableAutoFocus;
}

export function NotificationBanner(props: NotificationBannerProps) {
  const success = props.type === "success";
  const titleId = props.titleId || "govuk-notification-banner-title";
  const Heading = `h${props.titleHeadingLevel || 2}` as "h2";
  const ref = useRef<HTMLDivElement>(null);
  const focus = takesFocusOnMount(props);
  useEffect(() => {
    // setFocus adds tabindex="-1" only while focused, as govuk-frontend does, and keeps a given tabindex.
    if (focus && ref.current) setFocus(ref.current);
  }, [focus]);

  const content = props.children !== undefined && props.children !== null ? props.children : props.html ? null : props.text ? <p className="govuk-notification-banner__heading">{props.text}</p> : null;
  return (
    <div
      ref={ref}
      className={classNames("govuk-notification-banner", success && "govuk-notification-banner--success", props.classes)}
      role={notificationBannerRole(props)}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      {...(props.disableAutoFocus !== undefined ? { "data-disable-auto-focus": String(props.disableAutoFocus) } : {})}
      {...attributeProps(props.attributes)}
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={titleId} {...contentProps({ html: props.titleHtml, text: props.titleText }, success ? "Success" : "Important")} />
      </div>
      {content === null && props.html ? <div className="govuk-notification-banner__content" dangerouslySetInnerHTML={{ __html: props.html }} /> : <div className="govuk-notification-banner__content">{content}</div>}
    </div>
  );
}
