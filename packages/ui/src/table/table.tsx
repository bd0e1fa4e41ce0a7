import type { ReactNode } from "react";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";

/**
 * A header or body cell; `children` is our addition, React content in place of `text` or `html`
 * (a link, a tag, a sort button in a header with `attributes: { "aria-sort": … }`).
 */
export interface TableCell extends GovukContent {
  /** `numeric` right-aligns with tabular figures. */
  format?: "numeric" | (string & {});
  classes?: string;
  colspan?: number;
  rowspan?: number;
  attributes?: GovukAttributes;
}

/** govuk-frontend `govukTable` (components/table/template.njk); props mirror its macro options. */
export interface TableProps {
  /** Empty rows are skipped, so rows can be conditional. */
  rows: (TableCell[] | null | undefined | false)[];
  head?: TableCell[];
  /** Text in the macro; React content here (escaped like text when a string). */
  caption?: ReactNode;
  captionClasses?: string;
  firstCellIsHeader?: boolean;
  classes?: string;
  attributes?: GovukAttributes;
}

const spans = (cell: TableCell) => ({ ...(cell.colspan ? { colSpan: cell.colspan } : {}), ...(cell.rowspan ? { rowSpan: cell.rowspan } : {}) });

export function Table(props: TableProps) {
  return (
    <table className={classNames("govuk-table", props.classes)} {...attributeProps(props.attributes)}>
      {props.caption ? <caption className={classNames("govuk-table__caption", props.captionClasses)}>{props.caption}</caption> : null}
      {props.head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {props.head.map((item, index) => (
              <th key={index} scope="col" className={classNames("govuk-table__header", item.format && `govuk-table__header--${item.format}`, item.classes)} {...spans(item)} {...attributeProps(item.attributes)} {...contentProps(item)} />
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {props.rows.map((row, rowIndex) =>
          row ? (
            <tr key={rowIndex} className="govuk-table__row">
              {row.map((cell, index) =>
                index === 0 && props.firstCellIsHeader ? (
                  <th key={index} scope="row" className={classNames("govuk-table__header", cell.classes)} {...spans(cell)} {...attributeProps(cell.attributes)} {...contentProps(cell)} />
                ) : (
                  <td key={index} className={classNames("govuk-table__cell", cell.format && `govuk-table__cell--${cell.format}`, cell.classes)} {...spans(cell)} {...attributeProps(cell.attributes)} {...contentProps(cell)} />
                ),
              )}
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  );
}
