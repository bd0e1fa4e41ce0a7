/** Dates as GOV.UK writes them: "28 October 2026", "2 December 2026 at 2:05pm", UK time. */
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hourCycle: "h12", timeZone: "Europe/London" });

/** A calendar date (`2026-10-28`) → "28 October 2026". */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant → "2 December 2026 at 2:05pm" in London time (GOV.UK style: no space before am/pm, "12pm" is midday). */
export function formatDateTime(instant: string): string {
  const d = new Date(instant);
  const time = timeFormat.format(d).replace(/\s/g, "").replace(":00", "").toLowerCase();
  return `${dayFormat.format(d)} at ${time}`;
}
