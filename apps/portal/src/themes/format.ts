/** Numbers as the themes and profile pages print them (GOV.UK style: thousands separated, one decimal place for rates). */

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A count: `1,400`; a gap is an en dash. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : whole.format(n);
}

/** A rate per 100 complaints received: `20.0`. */
export function formatRate(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? "–" : oneDecimal.format(n);
}

/** A measure's value in its own unit: `80.0%`, `12.5 per 10,000`, `5.1 days`. */
export function formatMeasure(n: number | null | undefined, kind: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  switch (kind) {
    case "proportion":
      return `${oneDecimal.format(n * 100)}%`;
    case "rate-per-10000":
      return `${oneDecimal.format(n)} per 10,000`;
    case "mean":
      return `${oneDecimal.format(n)} days`;
    default:
      return oneDecimal.format(n);
  }
}

/** "1 body", "3 bodies". */
export function plural(n: number, one: string, many: string): string {
  return `${whole.format(n)} ${n === 1 ? one : many}`;
}

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
