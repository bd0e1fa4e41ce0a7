import type { ReactNode } from "react";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, escapeHtml, type GovukContent } from "../shared/content.ts";
import { Link } from "../shared/link.tsx";

/** A "Change" or "Delete" link; `children` is our addition, React content in place of `text` or `html`. */
export interface SummaryListAction extends GovukContent {
  href: string;
  /** Said after the link text to screen readers only, e.g. "name" for "Change name". */
  visuallyHiddenText?: string;
  classes?: string;
  attributes?: GovukAttributes;
}

export interface SummaryListActions {
  items?: SummaryListAction[];
  classes?: string;
}

export interface SummaryListRow {
  classes?: string;
  key: GovukContent & { classes?: string };
  value: GovukContent & { classes?: string };
  actions?: SummaryListActions;
}

export interface SummaryCardTitle extends GovukContent {
  headingLevel?: number;
  classes?: string;
}

export interface SummaryCard {
  title?: SummaryCardTitle;
  actions?: SummaryListActions;
  classes?: string;
  attributes?: GovukAttributes;
}

/** govuk-frontend `govukSummaryList` (components/summary-list/template.njk); props mirror its macro options. */
export interface SummaryListProps {
  /** Empty entries are skipped, so rows can be conditional. */
  rows: (SummaryListRow | null | undefined | false | "")[];
  card?: SummaryCard;
  classes?: string;
  attributes?: GovukAttributes;
}

export function SummaryList(props: SummaryListProps) {
  // With actions on any row, rows without get a modifier so the columns line up.
  const anyRowHasActions = props.rows.some((row) => row && row.actions?.items?.length);
  const list = (
    <dl className={classNames("govuk-summary-list", props.classes)} {...attributeProps(props.attributes)}>
      {props.rows.map((row, index) =>
        row ? (
          <div key={index} className={classNames("govuk-summary-list__row", anyRowHasActions && !row.actions?.items && "govuk-summary-list__row--no-actions", row.classes)}>
            <dt className={classNames("govuk-summary-list__key", row.key.classes)} {...contentProps(row.key)} />
            <dd className={classNames("govuk-summary-list__value", row.value.classes)} {...contentProps(row.value)} />
            {row.actions?.items?.length ? (
              <dd className={classNames("govuk-summary-list__actions", row.actions.classes)}>
                {row.actions.items.length === 1 ? (
                  <ActionLink action={row.actions.items[0]!} cardTitle={props.card?.title} />
                ) : (
                  <ul className="govuk-summary-list__actions-list">
                    {row.actions.items.map((action, actionIndex) => (
                      <li key={actionIndex} className="govuk-summary-list__actions-list-item">
                        <ActionLink action={action} cardTitle={props.card?.title} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        ) : null,
      )}
    </dl>
  );
  return props.card ? <Card card={props.card}>{list}</Card> : list;
}

function Card({ card, children }: { card: SummaryCard; children: ReactNode }) {
  const Heading = `h${card.title?.headingLevel || 2}` as "h2";
  const actions = card.actions?.items ?? [];
  return (
    <div className={classNames("govuk-summary-card", card.classes)} {...attributeProps(card.attributes)}>
      <div className="govuk-summary-card__title-wrapper">
        {card.title ? <Heading className={classNames("govuk-summary-card__title", card.title.classes)} {...contentProps(card.title)} /> : null}
        {actions.length === 1 ? (
          <div className={classNames("govuk-summary-card__actions", card.actions?.classes)}>
            <ActionLink action={actions[0]!} cardTitle={card.title} />
          </div>
        ) : actions.length > 1 ? (
          <ul className={classNames("govuk-summary-card__actions", card.actions?.classes)}>
            {actions.map((action, index) => (
              <li key={index} className="govuk-summary-card__action">
                <ActionLink action={action} cardTitle={card.title} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}

const isReact = (content: GovukContent | undefined) => content?.children !== undefined && content.children !== null;

/**
 * The link text, then (for screen readers) what it acts on and which card it is in: "Change name
 * (Teaching assistant)". With `html` options and no React content, the whole content is one HTML string
 * so the markup stays the template's; mixing `html` with React content wraps the HTML in a <span>.
 */
function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle: SummaryCardTitle | undefined }) {
  const className = classNames("govuk-link", action.classes);
  const common = { className, href: action.href, ...attributeProps(action.attributes) };
  if (!action.visuallyHiddenText && !cardTitle) return <Link {...common} {...contentProps(action)} />;
  if ((action.html || cardTitle?.html) && !isReact(action) && !isReact(cardTitle)) {
    const text = action.html || escapeHtml(action.text ?? "");
    const hidden = (action.visuallyHiddenText ? ` ${escapeHtml(action.visuallyHiddenText)}` : "") + (cardTitle ? ` (${cardTitle.html || escapeHtml(cardTitle.text ?? "")})` : "");
    return <Link {...common} dangerouslySetInnerHTML={{ __html: `${text}<span class="govuk-visually-hidden">${hidden}</span>` }} />;
  }
  const inline = (content: GovukContent) => (isReact(content) ? content.children : content.html ? <span dangerouslySetInnerHTML={{ __html: content.html }} /> : content.text);
  return (
    <Link {...common}>
      {inline(action)}
      <span className="govuk-visually-hidden">
        {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
        {cardTitle ? <> ({inline(cardTitle)})</> : null}
      </span>
    </Link>
  );
}
