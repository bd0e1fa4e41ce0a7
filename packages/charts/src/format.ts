/** How a chart's values are treated by the geometry: a proportion (0–1) is bounded by 0 and 1 and written as a percentage. */
export type ValueKind = "proportion" | "rate-per-10000" | "mean" | "count" | "rate-per-100";

/**
 * How a chart writes its values, given by whoever draws it: the apps and the board pack pass the
 * domain's `formatMeasure` for the chart's measure, so a chart's tick labels, summary and points read
 * exactly as the measure does in every table, page and pack beside it. `decimals`, when given,
 * replaces the measure's own (a tick label takes as many as its step needs).
 */
export type ValueFormat = (value: number, decimals?: number) => string;

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** A whole number with thousands separators (12,345): how many bodies or quarters, a size on the funnel's axis. */
export function formatCount(n: number): string {
  return whole.format(n);
}

/**
 * Decimals of a tick label: none when every tick is whole, else as many as the step needs, counted on
 * the written figure (a proportion's step of 0.025 is 2.5 points: one decimal).
 */
export function tickDecimals(kind: ValueKind, step: number): number {
  const written = kind === "proportion" ? step * 100 : step;
  return Math.max(0, -Math.floor(Math.log10(written) + 1e-9));
}

/** "1 body", "3 bodies". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
