import { flexRender, type Cell, type Column, type Header, type Row, type RowData } from "@tanstack/react-table";
import { memo, useState, type ReactNode } from "react";
import { classNames } from "../shared/attributes.ts";
import type { HouseTable, HouseTableFeatures } from "./house-table.ts";

/**
 * MOJ Frontend's sortable table (moj/components/sortable-table) as React, with TanStack Table doing
 * the sorting instead of MOJ's script (which moves rows in the DOM behind React's back): the same
 * markup — `th[aria-sort]` holding a real `<button>` with the direction arrow, the caption's hidden
 * "(column headers with buttons are sortable)", and a polite live region after the table that says
 * the new order — so keyboard and screen-reader users can sort.
 */
export interface SortableTableProps<TData extends RowData> {
  /** A table from `useHouseTable`; the rows shown are its row model (filtered, then sorted), the columns its visible ones. */
  table: HouseTable<TData>;
  caption: ReactNode;
  captionClasses?: string;
  classes?: string;
  /** What the live region says after a sort (MOJ's `statusMessage`); default "Sorted by Name, ascending". */
  sortedMessage?: (heading: string, direction: "ascending" | "descending") => string;
  /**
   * Anything besides the table's data, columns and visible columns that changes what the cells
   * show (a "show counts" choice): rows are memoised and re-render only when it changes.
   */
  renderKey?: string;
  /** Said instead of an empty body when no row is left (after filtering). */
  noRowsText?: string;
}

// MOJ Frontend's direction arrows (sortable-table.mjs: $upArrow, $downArrow, $upDownArrow).
const upArrow = <path d="M6.5625 15.5L11 6.63125L15.4375 15.5H6.5625Z" fill="currentColor" />;
const downArrow = <path d="M15.4375 7L11 15.8687L6.5625 7L15.4375 7Z" fill="currentColor" />;
const upDownArrow = (
  <>
    <path d="M8.1875 9.5L10.9609 3.95703L13.7344 9.5H8.1875Z" fill="currentColor" />
    <path d="M13.7344 12.0781L10.9609 17.6211L8.1875 12.0781H13.7344Z" fill="currentColor" />
  </>
);

function Arrow({ sort }: { sort: AriaSort }) {
  return (
    <svg width="22" height="22" focusable="false" aria-hidden="true" role="img" viewBox="0 0 22 22" fill="none" xmlns="http://www.w3.org/2000/svg">
      {sort === "ascending" ? upArrow : sort === "descending" ? downArrow : upDownArrow}
    </svg>
  );
}

type AriaSort = "ascending" | "descending" | "none";

/** The words for a column: its `meta.label`, else its header when that is text, else its id. */
export function columnLabel(column: Column<HouseTableFeatures, any, any>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
}

export function ariaSortOf(column: Column<HouseTableFeatures, any, any>): AriaSort {
  const sorted = column.getIsSorted();
  return sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
}

/**
 * What pressing a column's sort button does, as MOJ's script does it: an unsorted or descending
 * column sorts ascending, an ascending one descending. Returns the new direction.
 */
export function pressSortButton(column: Column<HouseTableFeatures, any, any>): "ascending" | "descending" {
  const next = ariaSortOf(column) === "ascending" ? "descending" : "ascending";
  column.toggleSorting(next === "descending");
  return next;
}

export const defaultSortedMessage = (heading: string, direction: "ascending" | "descending") => `Sorted by ${heading}, ${direction}`;

function HeaderCell({ header, index, onSorted }: { header: Header<HouseTableFeatures, any, any>; index: number; onSorted: (column: Column<HouseTableFeatures, any, any>, direction: "ascending" | "descending") => void }) {
  const column = header.column;
  const meta = column.columnDef.meta;
  const content = header.isPlaceholder ? null : flexRender(column.columnDef.header, header.getContext());
  const className = classNames("govuk-table__header", meta?.numeric && "govuk-table__header--numeric");
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={className} colSpan={header.colSpan > 1 ? header.colSpan : undefined}>
        {content}
      </th>
    );
  }
  const sort = ariaSortOf(column);
  return (
    <th scope="col" className={className} aria-sort={sort} colSpan={header.colSpan > 1 ? header.colSpan : undefined}>
      <button
        type="button"
        data-index={index}
        onClick={() => onSorted(column, pressSortButton(column))}
      >
        {content}
        <Arrow sort={sort} />
      </button>
    </th>
  );
}

function BodyCell({ cell }: { cell: Cell<HouseTableFeatures, any, any> }) {
  const meta = cell.column.columnDef.meta;
  const content = flexRender(cell.column.columnDef.cell, cell.getContext());
  if (meta?.rowHeader) {
    return (
      <th scope="row" className="govuk-table__header">
        {content}
      </th>
    );
  }
  return <td className={classNames("govuk-table__cell", meta?.numeric && "govuk-table__cell--numeric")}>{content}</td>;
}

interface BodyRowProps {
  row: Row<HouseTableFeatures, any>;
  /** Which columns are visible, in order: a change re-renders the row. */
  columns: string;
  renderKey: string | undefined;
  definitions: unknown;
  pinned?: boolean;
}

/**
 * One row, memoised on the data it shows: re-sorting 400 rows moves them without rendering any
 * again (the sorted model hands out new row objects, so the comparison is on `original`).
 */
const BodyRow = memo(
  function BodyRow({ row, pinned }: BodyRowProps) {
    return (
      <tr className={classNames("govuk-table__row", pinned && "app-sortable-table__pinned-row")}>
        {row.getVisibleCells().map((cell) => (
          <BodyCell key={cell.id} cell={cell} />
        ))}
      </tr>
    );
  },
  (a, b) => a.row.original === b.row.original && a.row.id === b.row.id && a.columns === b.columns && a.pinned === b.pinned && a.renderKey === b.renderKey && a.definitions === b.definitions,
);

export function SortableTable<TData extends RowData>({ table, caption, captionClasses, classes, sortedMessage = defaultSortedMessage, renderKey, noRowsText }: SortableTableProps<TData>) {
  const [status, setStatus] = useState("");
  const headerGroups = table.getHeaderGroups();
  // Pinned rows (a department figure) first, unmoved by sorting and kept by filters; then the rest in order.
  const top = table.getTopRows();
  const rows = table.getCenterRows();
  const visible = table.getVisibleLeafColumns();
  const columnsKey = visible.map((c) => c.id).join(" ");
  const announce = (column: Column<HouseTableFeatures, any, any>, direction: "ascending" | "descending") => setStatus(sortedMessage(columnLabel(column), direction));
  return (
    <>
      <table className={classNames("govuk-table", classes)} data-module="moj-sortable-table">
        <caption className={classNames("govuk-table__caption", captionClasses)}>
          {caption}
          <span className="govuk-visually-hidden"> (column headers with buttons are sortable).</span>
        </caption>
        <thead className="govuk-table__head">
          {headerGroups.map((group) => (
            <tr key={group.id} className="govuk-table__row">
              {group.headers.map((header, index) => (
                <HeaderCell key={header.id} header={header} index={index} onSorted={announce} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="govuk-table__body">
          {top.map((row) => (
            <BodyRow key={row.id} row={row as Row<HouseTableFeatures, any>} columns={columnsKey} renderKey={renderKey} definitions={table.options.columns} pinned />
          ))}
          {rows.length === 0 && noRowsText ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={visible.length}>
                {noRowsText}
              </td>
            </tr>
          ) : (
            rows.map((row) => <BodyRow key={row.id} row={row as Row<HouseTableFeatures, any>} columns={columnsKey} renderKey={renderKey} definitions={table.options.columns} />)
          )}
        </tbody>
      </table>
      <div aria-atomic="true" aria-live="polite" className="govuk-visually-hidden" role="status">
        {status}
      </div>
    </>
  );
}
