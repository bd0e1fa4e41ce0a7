import { createHouseColumnHelper, SortableTable, type HouseTable } from "@complaints/ui";
import { memo, type CSSProperties, type MouseEvent } from "react";
import { useNavigate } from "react-router";
import type { CellText } from "./format.ts";
import type { CompareRow, MeasureInfo } from "./rows.ts";

const helper = createHouseColumnHelper<CompareRow>();
const portalBase = "/portal";

/** A measure's cell: figure, 95% interval, comparison in words with its icon, and the counts on demand. */
const MeasureCell = memo(function MeasureCell({ cell, counts }: { cell: CellText; counts: boolean }) {
  const comparison = cell.comparison.key;
  return (
    <>
      <span className="app-compare__value">{cell.text}</span>
      {cell.interval ? <span className="app-compare__interval">{cell.interval}</span> : null}
      {/* The shape beside the words is drawn by CSS (compare.css), not an element: 400 rows × 14 measures. */}
      {comparison === "benchmark" ? null : <span className={`app-compare__comparison app-comparison app-comparison--${comparison}`}>{cell.comparison.words}</span>}
      {counts ? <span className="app-compare__counts">{cell.counts}</span> : null}
    </>
  );
});

/** The columns: the body (a link to its profile), its type, then one per measure (hidden unless chosen). */
export function compareColumns(measures: readonly MeasureInfo[], counts: boolean, departmentCode: string) {
  return helper.columns([
    helper.accessor("name", {
      id: "name",
      header: "Body",
      sortFn: "text",
      meta: { rowHeader: true },
      cell: ({ row }) => {
        const r = row.original;
        if (r.department) return <strong>{r.name}</strong>;
        return (
          <>
            {/* A plain link (the table's click handler routes it): a router Link in each of 400 rows would render again at every change of the address, a sort included. */}
            <a className="govuk-link" href={`${portalBase}/${departmentCode}/bodies/${r.code}`}>
              {r.name}
            </a>
            {r.provisional ? " (provisional)" : null}
          </>
        );
      },
    }),
    helper.accessor("bodyType", { id: "type", header: "Body type", sortFn: "text", filterFn: "oneOf", cell: ({ row }) => row.original.bodyTypeText }),
    ...measures.map((m) =>
      helper.accessor((row: CompareRow) => row.cells[m.id]?.value, {
        id: m.id,
        header: m.label,
        sortFn: "basic",
        meta: { numeric: true, label: m.label },
        cell: ({ row }) => {
          const cell = row.original.cells[m.id];
          return cell ? <MeasureCell cell={cell} counts={counts} /> : null;
        },
      }),
    ),
  ]);
}

/** What the table shows: its rows in their order (the department's pinned first, then the bodies sorted and filtered) and the measures chosen. */
export function shownInTable(table: HouseTable<CompareRow>): { rowCodes: string[]; measureIds: string[] } {
  const rowCodes = [...table.getTopRows(), ...table.getCenterRows()].map((row) => row.original.code);
  const measureIds = table
    .getVisibleLeafColumns()
    .map((c) => c.id)
    .filter((id) => id !== "name" && id !== "type");
  return { rowCodes, measureIds };
}

/** The caption is read by screen readers; the heading before the table shows it (a caption as wide as the table would be cut at 320 px). */
export function ComparisonTable({ table, caption, counts, measureCount }: { table: HouseTable<CompareRow>; caption: string; counts: boolean; measureCount: number }) {
  const navigate = useNavigate();
  // The body links, routed inside the app as a router Link would be (a new tab or window stays the browser's).
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>("a[href]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const href = link.getAttribute("href") ?? "";
    if (!href.startsWith(`${portalBase}/`)) return;
    event.preventDefault();
    void navigate(href.slice(portalBase.length));
  };
  return (
    // oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- only delegates the links' own clicks (Enter on a link fires click too)
    <div className="app-compare__scroll" role="region" aria-label="Bodies compared" tabIndex={0} style={{ "--app-compare-measures": String(measureCount) } as CSSProperties} onClick={onClick}>
      <SortableTable table={table} caption={caption} captionClasses="govuk-visually-hidden" classes="app-compare" renderKey={counts ? "counts" : "plain"} noRowsText="No bodies of the chosen types sent a return that counts." />
    </div>
  );
}
