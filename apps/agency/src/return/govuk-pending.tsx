/**
 * Stand-ins for GOV.UK Frontend components that colleagues are adding to `@complaints/ui` now.
 * Each has the name and props (the Nunjucks macro options, a subset) of the one to come, and the
 * markup of govuk-frontend 6's template.njk, so switching is a change of import. Delete each one
 * as its `@complaints/ui` version lands on main.
 */
import { useEffect, useRef, useState, type ChangeEvent, type ComponentPropsWithRef, type MouseEvent, type ReactNode } from "react";
import { Link } from "react-router";

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(" ");

interface Content {
  text?: string | number;
  children?: ReactNode;
}
const content = (c: Content | undefined): ReactNode => (c?.children !== undefined ? c.children : c?.text);

export interface HintProps extends Content {
  id?: string;
  classes?: string;
}
export function Hint(props: HintProps) {
  return (
    <div id={props.id} className={cx("govuk-hint", props.classes)}>
      {content(props)}
    </div>
  );
}

export interface ErrorMessageProps extends Content {
  id?: string;
  classes?: string;
}
export function ErrorMessage(props: ErrorMessageProps) {
  return (
    <p id={props.id} className={cx("govuk-error-message", props.classes)}>
      <span className="govuk-visually-hidden">Error:</span> {content(props)}
    </p>
  );
}

interface LabelOptions extends Content {
  classes?: string;
}

function describe(id: string, options: { describedBy?: string; hint?: HintProps; errorMessage?: ErrorMessageProps | false }) {
  const ids = options.describedBy ? [options.describedBy] : [];
  if (options.hint) ids.push(`${id}-hint`);
  if (options.errorMessage) ids.push(`${id}-error`);
  return {
    hint: options.hint ? <Hint {...options.hint} id={`${id}-hint`} /> : null,
    error: options.errorMessage ? <ErrorMessage {...options.errorMessage} id={`${id}-error`} /> : null,
    describedBy: ids.length > 0 ? ids.join(" ") : undefined,
  };
}

export interface InputProps extends Omit<ComponentPropsWithRef<"input">, "className" | "children" | "prefix" | "value"> {
  id?: string;
  name: string;
  value?: string;
  inputmode?: "numeric" | "decimal" | "text";
  spellcheck?: boolean;
  describedBy?: string;
  label?: LabelOptions;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  prefix?: Content;
  suffix?: Content;
  classes?: string;
  autocomplete?: string;
  formGroup?: { classes?: string };
}

/** govuk-frontend `govukInput`. */
export function Input(props: InputProps) {
  const { id: ownId, name, value, inputmode, spellcheck, describedBy: _d, label, hint: _h, errorMessage, prefix, suffix, classes, autocomplete, formGroup, ...native } = props;
  const id = ownId || name;
  const d = describe(id, props);
  const input = (
    <input
      className={cx("govuk-input", classes, errorMessage && "govuk-input--error")}
      id={id}
      name={name}
      type="text"
      {...(spellcheck !== undefined ? { spellCheck: spellcheck } : {})}
      {...(value !== undefined ? { value } : {})}
      {...(d.describedBy ? { "aria-describedby": d.describedBy } : {})}
      {...(autocomplete ? { autoComplete: autocomplete } : {})}
      {...(inputmode ? { inputMode: inputmode } : {})}
      {...native}
    />
  );
  return (
    <div className={cx("govuk-form-group", errorMessage && "govuk-form-group--error", formGroup?.classes)}>
      <label className={cx("govuk-label", label?.classes)} htmlFor={id}>
        {content(label)}
      </label>
      {d.hint}
      {d.error}
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {content(prefix)}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {content(suffix)}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

export interface TextareaProps extends Omit<ComponentPropsWithRef<"textarea">, "className" | "children" | "value"> {
  id?: string;
  name: string;
  value?: string;
  rows?: number;
  spellcheck?: boolean;
  describedBy?: string;
  label?: LabelOptions;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  classes?: string;
  formGroup?: { classes?: string; attributes?: Record<string, string | number | undefined>; afterInput?: Content };
}

/** govuk-frontend `govukTextarea`. */
export function Textarea(props: TextareaProps) {
  const { id: ownId, name, value, rows, spellcheck, describedBy: _d, label, hint: _h, errorMessage, classes, formGroup, ...native } = props;
  const id = ownId || name;
  const d = describe(id, props);
  return (
    <div className={cx("govuk-form-group", errorMessage && "govuk-form-group--error", formGroup?.classes)} {...formGroup?.attributes}>
      <label className={cx("govuk-label", label?.classes)} htmlFor={id}>
        {content(label)}
      </label>
      {d.hint}
      {d.error}
      <textarea
        className={cx("govuk-textarea", errorMessage && "govuk-textarea--error", classes)}
        id={id}
        name={name}
        rows={rows || 5}
        {...(spellcheck !== undefined ? { spellCheck: spellcheck } : {})}
        {...(value !== undefined ? { value } : {})}
        {...(d.describedBy ? { "aria-describedby": d.describedBy } : {})}
        {...native}
      />
      {content(formGroup?.afterInput)}
    </div>
  );
}

export interface CharacterCountProps extends TextareaProps {
  maxlength?: number;
}

/**
 * govuk-frontend `govukCharacterCount`, as its script leaves it: the limit described (hidden), a
 * visible count, and a polite live region announcing the count once typing pauses.
 */
export function CharacterCount(props: CharacterCountProps) {
  const { maxlength, classes, formGroup, value, onChange, ...textarea } = props;
  const id = props.id || props.name;
  const [text, setText] = useState(value ?? "");
  const shown = onChange && value !== undefined ? value : text;
  const remaining = (maxlength ?? Infinity) - shown.length;
  const message = remaining < 0 ? `You have ${-remaining} ${-remaining === 1 ? "character" : "characters"} too many` : `You have ${remaining} ${remaining === 1 ? "character" : "characters"} remaining`;
  const [announced, setAnnounced] = useState(message);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(message), 1000);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <Textarea
        {...textarea}
        id={id}
        value={shown}
        describedBy={`${id}-info`}
        classes={cx("govuk-js-character-count", classes, remaining < 0 && !props.errorMessage && "govuk-textarea--error")}
        formGroup={{
          classes: cx("govuk-character-count", formGroup?.classes),
          attributes: { "data-module": "govuk-character-count", "data-maxlength": maxlength },
          afterInput: {
            children: (
              <>
                <div id={`${id}-info`} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
                  You can enter up to {maxlength} characters
                </div>
                <div className={cx("govuk-character-count__message govuk-character-count__status", remaining < 0 ? "govuk-error-message" : "govuk-hint")} aria-hidden="true">
                  {message}
                </div>
                <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
                  {announced}
                </div>
              </>
            ),
          },
        }}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          setText(event.target.value);
          onChange?.(event);
        }}
      />
  );
}

export interface FieldsetProps {
  describedBy?: string;
  legend?: Content & { classes?: string; isPageHeading?: boolean };
  classes?: string;
  attributes?: Record<string, string>;
  children?: ReactNode;
}

/** govuk-frontend `govukFieldset`. */
export function Fieldset(props: FieldsetProps) {
  return (
    <fieldset className={cx("govuk-fieldset", props.classes)} {...(props.describedBy ? { "aria-describedby": props.describedBy } : {})} {...props.attributes}>
      {props.legend ? (
        <legend className={cx("govuk-fieldset__legend", props.legend.classes)}>
          {props.legend.isPageHeading ? <h1 className="govuk-fieldset__heading">{content(props.legend)}</h1> : content(props.legend)}
        </legend>
      ) : null}
      {props.children}
    </fieldset>
  );
}

export interface RadiosItem extends Content {
  value: string;
  hint?: Content;
  conditional?: { children?: ReactNode };
}

export interface RadiosProps {
  name: string;
  idPrefix?: string;
  value?: string;
  fieldset?: Omit<FieldsetProps, "children">;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  items: RadiosItem[];
  classes?: string;
  formGroup?: { classes?: string };
  disabled?: boolean;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** govuk-frontend `govukRadios`, controlled by `value` (the first item's id is the prefix, for the error summary). */
export function Radios(props: RadiosProps) {
  const idPrefix = props.idPrefix || props.name;
  const d = describe(idPrefix, { describedBy: props.fieldset?.describedBy, hint: props.hint, errorMessage: props.errorMessage });
  const list = (
    <div className={cx("govuk-radios", props.classes)} data-module="govuk-radios">
      {props.items.map((item, i) => {
        const itemId = i === 0 ? idPrefix : `${idPrefix}-${i + 1}`;
        const checked = props.value === item.value;
        const hintId = item.hint ? `${itemId}-item-hint` : undefined;
        return [
          <div key={item.value} className="govuk-radios__item">
            <input
              className="govuk-radios__input"
              id={itemId}
              name={props.name}
              type="radio"
              value={item.value}
              checked={checked}
              onChange={props.onChange ?? (() => undefined)}
              {...(props.disabled ? { disabled: true } : {})}
              {...(item.conditional ? { "aria-controls": `conditional-${itemId}`, "aria-expanded": checked } : {})}
              {...(hintId ? { "aria-describedby": hintId } : {})}
            />
            <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
              {content(item)}
            </label>
            {hintId ? (
              <div id={hintId} className="govuk-hint govuk-radios__hint">
                {content(item.hint)}
              </div>
            ) : null}
          </div>,
          item.conditional ? (
            <div key={`${item.value}-conditional`} className={cx("govuk-radios__conditional", !checked && "govuk-radios__conditional--hidden")} id={`conditional-${itemId}`}>
              {item.conditional.children}
            </div>
          ) : null,
        ];
      })}
    </div>
  );
  return (
    <div className={cx("govuk-form-group", props.errorMessage && "govuk-form-group--error", props.formGroup?.classes)}>
      {props.fieldset ? (
        <Fieldset {...props.fieldset} describedBy={d.describedBy}>
          {d.hint}
          {d.error}
          {list}
        </Fieldset>
      ) : (
        <>
          {d.hint}
          {d.error}
          {list}
        </>
      )}
    </div>
  );
}

export interface ErrorSummaryProps {
  titleText?: string;
  errorList?: { text?: string; href?: string }[];
}

/** govuk-frontend `govukErrorSummary`: takes focus when mounted; links focus their field (error-summary.mjs). */
export function ErrorSummary(props: ErrorSummaryProps) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.focus();
  }, []);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(decodeURIComponent(event.currentTarget.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    const legend = target.closest("fieldset")?.querySelector("legend");
    const label = document.querySelector(`label[for='${CSS.escape(target.id)}']`);
    (legend && (target as HTMLInputElement).type === "radio" ? legend : (label ?? target)).scrollIntoView();
    target.focus({ preventScroll: true });
  };
  return (
    <div ref={root} className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{props.titleText}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {props.errorList?.map((item, i) => (
              <li key={i}>
                {item.href ? (
                  <a href={item.href} onClick={onClick}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export interface TagProps extends Content {
  classes?: string;
}
/** govuk-frontend `govukTag`. */
export function Tag(props: TagProps) {
  return <strong className={cx("govuk-tag", props.classes)}>{content(props)}</strong>;
}

export interface TaskListItem {
  title: Content & { classes?: string };
  hint?: Content;
  status: Content & { tag?: TagProps; classes?: string };
  href?: string;
}

/** govuk-frontend `govukTaskList`, each task's link a router link. */
export function TaskList(props: { items: TaskListItem[]; idPrefix?: string }) {
  const idPrefix = props.idPrefix || "task-list";
  return (
    <ul className="govuk-task-list">
      {props.items.map((item, i) => {
        const hintId = `${idPrefix}-${i + 1}-hint`;
        const statusId = `${idPrefix}-${i + 1}-status`;
        return (
          <li key={i} className={cx("govuk-task-list__item", item.href && "govuk-task-list__item--with-link")}>
            <div className="govuk-task-list__name-and-hint">
              {item.href ? (
                <Link className={cx("govuk-link govuk-task-list__link", item.title.classes)} to={item.href} aria-describedby={item.hint ? `${hintId} ${statusId}` : statusId}>
                  {content(item.title)}
                </Link>
              ) : (
                <div className={item.title.classes}>{content(item.title)}</div>
              )}
              {item.hint ? (
                <div id={hintId} className="govuk-task-list__hint">
                  {content(item.hint)}
                </div>
              ) : null}
            </div>
            <div className={cx("govuk-task-list__status", item.status.classes)} id={statusId}>
              {item.status.tag ? <Tag {...item.status.tag} /> : content(item.status)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export interface WarningTextProps extends Content {
  iconFallbackText?: string;
  classes?: string;
}
/** govuk-frontend `govukWarningText`. */
export function WarningText(props: WarningTextProps) {
  return (
    <div className={cx("govuk-warning-text", props.classes)}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{props.iconFallbackText || "Warning"}</span>
        {content(props)}
      </strong>
    </div>
  );
}

export interface DetailsProps extends Content {
  summaryText?: string;
  id?: string;
  open?: boolean;
  classes?: string;
}
/** govuk-frontend `govukDetails`: a native <details>. */
export function Details(props: DetailsProps) {
  return (
    <details id={props.id} className={cx("govuk-details", props.classes)} {...(props.open ? { open: true } : {})}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{props.summaryText}</span>
      </summary>
      <div className="govuk-details__text">{content(props)}</div>
    </details>
  );
}
