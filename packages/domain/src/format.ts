/**
 * Dates and figures as GOV.UK writes them, for both browser apps: "28 October 2026",
 * "2 December 2026 at 2:05pm" (UK time), "1,234", "72.4%", "£1,235", "3 actions".
 */
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hourCycle: "h12", timeZone: "Europe/London" });
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

/** A calendar date (`2026-10-28`) → "28 October 2026". Something that is not a date comes back as it was. */
export function formatDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : dateFormat.format(d);
}

/** An instant → "2 December 2026 at 2:05pm" in London time (GOV.UK style: no space before am/pm, "12pm" is midday). */
export function formatDateTime(instant: string): string {
  const d = new Date(instant);
  const time = timeFormat.format(d).replace(/\s/g, "").replace(":00", "").toLowerCase();
  return `${dayFormat.format(d)} at ${time}`;
}

/** 1234 → "1,234". */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** 20 → "20.0": one decimal place, thousands separated. */
export function formatOneDecimal(n: number): string {
  return oneDecimal.format(n);
}

/** A proportion 0–1 → "72.4%". */
export function formatPercent(p: number): string {
  return `${oneDecimal.format(p * 100)}%`;
}

/** Pence → "£1,235" (whole pounds: a total, not a ledger). */
export function formatPence(pence: number): string {
  return pounds.format(pence / 100);
}

/** "1 action", "3 actions", "1,200 bodies". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
