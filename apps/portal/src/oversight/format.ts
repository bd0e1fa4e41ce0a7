/**
 * How the action plan, learning and roll-up pages write figures and dates: GOV.UK style ("28 October
 * 2026", "1,234", "72.4%"), one place so the three pages say things the same way.
 */
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

/** `2026-10-28` → "28 October 2026". */
export function formatDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : longDate.format(d);
}

/** 1234 → "1,234". */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** Pence → "£1,235" (whole pounds: a roll-up total, not a ledger). */
export function formatPence(pence: number): string {
  return pounds.format(pence / 100);
}

/** A proportion 0–1 → "72.4%". */
export function formatPercent(p: number): string {
  return `${oneDecimal.format(p * 100)}%`;
}

/** A measure's value in its own unit: a percentage, a rate per 10,000 or a number of working days. */
export function formatMeasure(kind: string, value: number | null): string {
  if (value === null) return "Not available";
  if (kind === "proportion") return formatPercent(value);
  if (kind === "mean") return `${oneDecimal.format(value)} days`;
  return oneDecimal.format(value);
}

/** "1 action", "3 actions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
