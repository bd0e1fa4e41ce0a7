/** How a measure's values are written in charts, summaries and tables (GSS style: en-GB, one decimal place). */
export type ValueKind = "proportion" | "rate-per-10000" | "mean" | "count" | "rate-per-100";

const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** A value as people read it: proportions as percentages (0.725 → "72.5%"), others to one decimal place. */
export function formatValue(value: number | null | undefined, kind: ValueKind): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "no data";
  switch (kind) {
    case "proportion":
      return `${oneDecimal.format(value * 100)}%`;
    case "count":
      return whole.format(value);
    default:
      return oneDecimal.format(value);
  }
}

/** A whole number with thousands separators (12,345). */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** A tick label: like formatValue, but without decimals when every tick is whole. */
export function formatTick(value: number, kind: ValueKind, step: number): string {
  const decimals = kind === "proportion" ? Math.max(0, -Math.floor(Math.log10(step * 100) + 1e-9)) : Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return kind === "proportion" ? `${f.format(value * 100)}%` : f.format(value);
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
