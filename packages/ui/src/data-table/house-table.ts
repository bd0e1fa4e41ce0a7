import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createSortedRowModel,
  createTableHook,
  filterFn_equalsString,
  filterFn_includesString,
  rowPinningFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  type FilterFn,
  type RowData,
} from "@tanstack/react-table";

/** What our tables say about a column, beyond TanStack's own column options. */
export interface HouseColumnMeta {
  /** Words for the column when its header is not plain text (the sort announcement and CSV use them). */
  label?: string;
  /** Right-aligned with tabular figures (`govuk-table__cell--numeric`). */
  numeric?: boolean;
  /** The cell names its row: `<th scope="row">` (usually the first column). */
  rowHeader?: boolean;
}

/** A cell's value is one of the chosen values (a list of checkboxes: "show these body types"); an empty list hides nothing. */
const oneOf: FilterFn<any, any> = (row, columnId, chosen: readonly unknown[]) => chosen.length === 0 || chosen.includes(row.getValue(columnId));
oneOf.autoRemove = (chosen: unknown) => !Array.isArray(chosen) || chosen.length === 0;

/**
 * The features every table of ours may use (STYLE.md: declare them once): sorting, filtering by
 * column, hiding columns and pinning rows (a total or benchmark row that stays on top, whatever the
 * order and filters), processed in the browser. Only the comparators and filters we use are
 * registered, so the bundle carries no others.
 */
export const houseTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, text: sortFn_text },
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString, oneOf },
  columnVisibilityFeature,
  rowPinningFeature,
  columnMeta: {} as HouseColumnMeta,
});
export type HouseTableFeatures = typeof houseTableFeatures;

/**
 * House defaults, the same as MOJ Frontend's sortable table: one column sorted at a time, the
 * first press sorts ascending, the next descending and so on (never back to "unsorted"); empty
 * values go last whichever the direction, so a blank never heads a ranking.
 */
export const houseTableDefaults = {
  enableMultiSort: false,
  enableSortingRemoval: false,
  sortDescFirst: false,
  defaultColumn: { sortUndefined: "last" as const },
};

export const {
  useAppTable: useHouseTable,
  createAppColumnHelper: createHouseColumnHelper,
  useTableContext: useHouseTableContext,
} = createTableHook({ features: houseTableFeatures, ...houseTableDefaults });

export type HouseTable<TData extends RowData> = ReturnType<typeof useHouseTable<TData>>;
