import { forwardRef, useEffect, useState, type ReactNode } from "react";

/**
 * Stand-ins for packages/ui components that colleagues are still writing: the govuk-frontend 6 and
 * MOJ Frontend markup (each component's template.njk), props named as the macro options, with
 * `content` (our addition) for React children where the macro takes `html`. Each one is deleted
 * when its packages/ui version lands on main; none may stay.
 */

function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}

/** govukSkipLink. */
export function SkipLink({ text = "Skip to main content", href = "#main-content" }: { text?: string; href?: string }) {
  return (
    <a href={href} className="govuk-skip-link" data-module="govuk-skip-link">
      {text}
    </a>
  );
}

/** govukGenericHeader (govuk-frontend 6.3+): internal services use it in place of the crown header. */
export function GenericHeader({ logoText, url = "/" }: { logoText: string; url?: string }) {
  return (
    <div className="govuk-generic-header">
      <div className="govuk-generic-header__container govuk-width-container">
        <div className="govuk-generic-header__logo">
          <a href={url} className="govuk-generic-header__homepage-link">
            {logoText}
          </a>
        </div>
      </div>
    </div>
  );
}

export interface ServiceNavigationItem {
  href?: string;
  text: string;
  current?: boolean;
  active?: boolean;
  attributes?: Record<string, string>;
}

const tabletUp = "(min-width: 40.0625em)";

/** govukServiceNavigation. `onItemClick` (our addition) lets an item be an action such as signing out. */
export function ServiceNavigation(props: {
  serviceName?: string;
  serviceUrl?: string;
  navigation?: ServiceNavigationItem[];
  navigationLabel?: string;
  menuButtonText?: string;
  navigationId?: string;
  onItemClick?: (item: ServiceNavigationItem, event: React.MouseEvent<HTMLAnchorElement>) => void;
}) {
  const items = props.navigation ?? [];
  const menuButtonText = props.menuButtonText ?? "Menu";
  const navigationId = props.navigationId ?? "navigation";
  const [open, setOpen] = useState(false);
  const collapse = items.length > 1;
  // govuk-frontend's script: from the tablet breakpoint the menu always shows and the button hides.
  const [wide, setWide] = useState(() => typeof window === "undefined" || window.matchMedia(tabletUp).matches);
  useEffect(() => {
    const mql = window.matchMedia(tabletUp);
    const onChange = () => setWide(mql.matches);
    mql.addEventListener("change", onChange);
    return () => mql.removeEventListener("change", onChange);
  }, []);
  return (
    <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          {props.serviceName ? (
            <span className="govuk-service-navigation__service-name">
              {props.serviceUrl ? (
                <a href={props.serviceUrl} className="govuk-service-navigation__link">
                  {props.serviceName}
                </a>
              ) : (
                <span className="govuk-service-navigation__text">{props.serviceName}</span>
              )}
            </span>
          ) : null}
          {items.length > 0 ? (
            <nav aria-label={props.navigationLabel ?? menuButtonText} className="govuk-service-navigation__wrapper">
              {collapse ? (
                // govuk-frontend's script shows this on small screens; we do it in React.
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls={navigationId}
                  {...(wide ? { hidden: true, "aria-hidden": "true" as const } : { "aria-expanded": open })}
                  onClick={() => setOpen(!open)}
                >
                  {menuButtonText}
                </button>
              ) : null}
              <ul className="govuk-service-navigation__list" id={navigationId} hidden={collapse && !wide && !open}>
                {items.map((item) => {
                  const on = item.active || item.current;
                  const inner = on ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text;
                  return (
                    <li key={item.text} className={cx("govuk-service-navigation__item", on && "govuk-service-navigation__item--active")}>
                      {item.href ? (
                        <a
                          className="govuk-service-navigation__link"
                          href={item.href}
                          {...(on ? { "aria-current": item.current ? "page" : "true" } : {})}
                          {...item.attributes}
                          onClick={props.onItemClick ? (e) => props.onItemClick!(item, e) : undefined}
                        >
                          {inner}
                        </a>
                      ) : (
                        <span className="govuk-service-navigation__text">{inner}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  );
}

/** MOJ organisation switcher (moj/components/organisation-switcher). */
export function OrganisationSwitcher({ text, link, label = "Organisation switcher" }: { text: string; link?: { href: string; text?: string }; label?: string }) {
  return (
    <div className="moj-organisation-nav" aria-label={label}>
      <div className="moj-organisation-nav__title">{text}</div>
      {link ? (
        <a href={link.href} className="moj-organisation-nav__link">
          {link.text ?? "Change organisation"}
        </a>
      ) : null}
    </div>
  );
}

/** govukBackLink. */
export function BackLink({ href, text = "Back" }: { href: string; text?: string }) {
  return (
    <a href={href} className="govuk-back-link">
      {text}
    </a>
  );
}

/** govukTag. */
export function Tag({ text, classes }: { text: string; classes?: string }) {
  return <strong className={cx("govuk-tag", classes)}>{text}</strong>;
}

export interface SummaryListAction {
  href: string;
  text: string;
  visuallyHiddenText?: string;
  classes?: string;
}

export interface SummaryListRow {
  key: { text?: string; content?: ReactNode; classes?: string };
  value: { text?: string; content?: ReactNode; classes?: string };
  actions?: { items: SummaryListAction[]; classes?: string };
  classes?: string;
}

/** govukSummaryList (without the card variant). */
export function SummaryList({ rows, classes, attributes }: { rows: SummaryListRow[]; classes?: string; attributes?: Record<string, string> }) {
  const anyActions = rows.some((r) => (r.actions?.items.length ?? 0) > 0);
  return (
    <dl className={cx("govuk-summary-list", classes)} {...attributes}>
      {rows.map((row, i) => {
        const actions = row.actions?.items ?? [];
        return (
          <div key={i} className={cx("govuk-summary-list__row", anyActions && actions.length === 0 && "govuk-summary-list__row--no-actions", row.classes)}>
            <dt className={cx("govuk-summary-list__key", row.key.classes)}>{row.key.content ?? row.key.text}</dt>
            <dd className={cx("govuk-summary-list__value", row.value.classes)}>{row.value.content ?? row.value.text}</dd>
            {actions.length === 1 ? (
              <dd className={cx("govuk-summary-list__actions", row.actions?.classes)}>
                <ActionLink action={actions[0]!} />
              </dd>
            ) : actions.length > 1 ? (
              <dd className={cx("govuk-summary-list__actions", row.actions?.classes)}>
                <ul className="govuk-summary-list__actions-list">
                  {actions.map((a) => (
                    <li key={a.href} className="govuk-summary-list__actions-list-item">
                      <ActionLink action={a} />
                    </li>
                  ))}
                </ul>
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <a className={cx("govuk-link", action.classes)} href={action.href}>
      {action.text}
      {action.visuallyHiddenText ? <span className="govuk-visually-hidden"> {action.visuallyHiddenText}</span> : null}
    </a>
  );
}

/** govukNotificationBanner. */
export function NotificationBanner(props: { type?: "success"; titleText?: string; titleId?: string; text?: string; content?: ReactNode; role?: string; classes?: string }) {
  const success = props.type === "success";
  const titleId = props.titleId ?? "govuk-notification-banner-title";
  return (
    <div
      className={cx("govuk-notification-banner", success && "govuk-notification-banner--success", props.classes)}
      role={props.role ?? (success ? "alert" : "region")}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {props.titleText ?? (success ? "Success" : "Important")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{props.content ?? (props.text ? <p className="govuk-notification-banner__heading">{props.text}</p> : null)}</div>
    </div>
  );
}

/** govukPanel (the confirmation variant). */
export function Panel({ titleText, text, content, headingLevel = 1 }: { titleText: string; text?: string; content?: ReactNode; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const body = content ?? text;
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <Heading className="govuk-panel__title">{titleText}</Heading>
      {body ? <div className="govuk-panel__body">{body}</div> : null}
    </div>
  );
}

export interface ErrorSummaryItem {
  text: string;
  href?: string;
}

/** govukErrorSummary. The caller focuses it (tabIndex -1) when it appears, as govuk-frontend's script does. */
export const ErrorSummary = forwardRef<HTMLDivElement, { titleText?: string; descriptionText?: string; errorList: ErrorSummaryItem[] }>(function ErrorSummary(
  { titleText = "There is a problem", descriptionText, errorList },
  ref,
) {
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{titleText}</h2>
        <div className="govuk-error-summary__body">
          {descriptionText ? <p>{descriptionText}</p> : null}
          {errorList.length > 0 ? (
            <ul className="govuk-list govuk-error-summary__list">
              {errorList.map((item, i) => (
                <li key={i}>{item.href ? <a href={item.href}>{item.text}</a> : item.text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
});

/**
 * govukCharacterCount around a textarea. govuk-frontend's script would replace the static
 * "You can enter up to" message with a live count; React keeps the count itself, in the same
 * elements (a visually hidden static message, a visible status and a screen-reader status).
 */
export function CharacterCount(props: {
  id: string;
  name: string;
  label: { text: string; classes?: string; isPageHeading?: boolean };
  hint?: { text: string };
  errorMessage?: { text: string } | false;
  maxlength: number;
  rows?: number;
  value: string;
  onChange: (value: string) => void;
}) {
  const { id, maxlength } = props;
  const remaining = maxlength - props.value.length;
  const over = remaining < 0;
  const status = over ? `You have ${-remaining} ${remaining === -1 ? "character" : "characters"} too many` : `You have ${remaining} ${remaining === 1 ? "character" : "characters"} remaining`;
  const error = props.errorMessage ? props.errorMessage.text : null;
  const describedBy = [`${id}-info`, props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="govuk-form-group govuk-character-count" data-module="govuk-character-count" data-maxlength={maxlength}>
      <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
        <label className={cx("govuk-label", props.label.classes)} htmlFor={id}>
          {props.label.text}
        </label>
        {props.hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {props.hint.text}
          </div>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <textarea
          className={cx("govuk-textarea", "govuk-js-character-count", (error || over) && "govuk-textarea--error")}
          id={id}
          name={props.name}
          rows={props.rows ?? 5}
          aria-describedby={describedBy}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </div>
      <div id={`${id}-info`} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        You can enter up to {maxlength} characters
      </div>
      <div className={cx("govuk-character-count__message", "govuk-character-count__status", over ? "govuk-error-message" : "govuk-hint")} aria-hidden="true">
        {status}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
        {status}
      </div>
    </div>
  );
}

export interface TableCell {
  text?: string;
  content?: ReactNode;
  format?: "numeric";
  classes?: string;
}

/** govukTable. */
export function Table(props: { caption?: string; captionClasses?: string; firstCellIsHeader?: boolean; head?: TableCell[]; rows: TableCell[][]; classes?: string }) {
  const cell = (c: TableCell) => cx(c.format === "numeric" && "govuk-table__cell--numeric", c.classes);
  return (
    <table className={cx("govuk-table", props.classes)}>
      {props.caption ? <caption className={cx("govuk-table__caption", props.captionClasses)}>{props.caption}</caption> : null}
      {props.head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {props.head.map((h, i) => (
              <th key={i} scope="col" className={cx("govuk-table__header", h.format === "numeric" && "govuk-table__header--numeric", h.classes)}>
                {h.content ?? h.text}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {props.rows.map((row, r) => (
          <tr key={r} className="govuk-table__row">
            {row.map((c, i) =>
              i === 0 && props.firstCellIsHeader ? (
                <th key={i} scope="row" className={cx("govuk-table__header", c.classes)}>
                  {c.content ?? c.text}
                </th>
              ) : (
                <td key={i} className={cx("govuk-table__cell", cell(c))}>
                  {c.content ?? c.text}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** govukWarningText. */
export function WarningText({ text, iconFallbackText = "Warning" }: { text: string; iconFallbackText?: string }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span>
        {text}
      </strong>
    </div>
  );
}

/** govukInsetText. */
export function InsetText({ text, content }: { text?: string; content?: ReactNode }) {
  return <div className="govuk-inset-text">{content ?? text}</div>;
}

export interface TimelineItem {
  label: { text: string };
  byline?: { text: string };
  datetime: { timestamp: string; text: string };
  text?: string;
  content?: ReactNode;
}

/** MOJ timeline (moj/components/timeline). `datetime.text` is the date as people read it. */
export function Timeline({ items, headingLevel = 2 }: { items: TimelineItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="moj-timeline">
      {items.map((item, i) => (
        <div key={i} className="moj-timeline__item">
          <div className="moj-timeline__header">
            <Heading className="moj-timeline__title">{item.label.text}</Heading>{" "}
            {item.byline ? <p className="moj-timeline__byline">by {item.byline.text}</p> : null}
          </div>
          <p className="moj-timeline__date">
            <time dateTime={item.datetime.timestamp}>{item.datetime.text}</time>
          </p>
          <div className="moj-timeline__description">{item.content ?? item.text}</div>
        </div>
      ))}
    </div>
  );
}
