import type { HeatmapRow } from "@complaints/charts";
import type { TableCell } from "@complaints/ui";
import { formatCount, formatRate } from "./format.ts";

/** One theme's figures quarter by quarter, as the API gives them for a body or the department's panel. */
export interface ThemeSeries {
  theme: string;
  rates: readonly (number | null)[];
  counts: readonly (number | null)[];
  received: readonly (number | null)[];
  emerging: unknown;
}

export function themeLabel(themes: readonly { id: string; label: string }[], theme: string): string {
  return themes.find((t) => t.id === theme)?.label ?? theme;
}

/** The heat map's rows of themes by quarters: the rate, marked emerging in the last quarter, with the counts behind it. */
export function themesByQuarterRows(series: readonly ThemeSeries[], themes: readonly { id: string; label: string }[]): HeatmapRow[] {
  return series.map((s) => ({
    id: s.theme,
    label: themeLabel(themes, s.theme),
    cells: s.rates.map((rate, i) => {
      const count = s.counts[i] ?? null;
      const received = s.received[i] ?? null;
      return { value: rate, emerging: i === s.rates.length - 1 && s.emerging !== null, ...(count !== null && received !== null ? { detail: `${formatCount(count)} of ${formatCount(received)} complaints` } : {}) };
    }),
  }));
}

/** A theme's row of the table behind that heat map: its label, then each quarter's rate with the number of complaints. */
export function themeQuarterCells(series: ThemeSeries, themes: readonly { id: string; label: string }[]): TableCell[] {
  return [
    { text: themeLabel(themes, series.theme) },
    ...series.rates.map((rate, i) => ({
      format: "numeric",
      children: (
        <>
          {formatRate(rate)}
          {i === series.rates.length - 1 && series.emerging ? <span className="app-emerging-mark"> ▲ emerging</span> : null}
          {series.counts[i] !== null ? <span className="app-count-detail">{formatCount(series.counts[i])}</span> : null}
        </>
      ),
    })),
  ];
}
