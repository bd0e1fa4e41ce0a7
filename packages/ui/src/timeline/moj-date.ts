/**
 * MOJ Frontend's Nunjucks date filters without moment.js (moj/filters/all.js): `mojDate` for the
 * timeline's standard types and `date` for a moment display format (the tokens listed below).
 * Times are shown in one time zone, the UK's by default, so a server and a browser render the same text.
 */
export type MojDateType = "datetime" | "shortdatetime" | "date" | "shortdate" | "time";

export const ukTimeZone = "Europe/London";

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

interface DateParts {
  year: number;
  month: number; // 1 to 12
  day: number;
  weekday: number; // 0 is Sunday
  hour: number; // 0 to 23
  minute: number;
  second: number;
  time: number; // milliseconds since 1970, for the offset from UTC
}

function dateParts(date: Date, timeZone: string): DateParts {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "numeric", day: "numeric", weekday: "short", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: Number(part("year")), month: Number(part("month")), day: Number(part("day")), weekday: dayNames.findIndex((d) => d.startsWith(part("weekday"))), hour: Number(part("hour")), minute: Number(part("minute")), second: Number(part("second")), time: date.getTime() };
}

const pad = (n: number) => String(n).padStart(2, "0");
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
const hour12 = (hour: number) => (hour % 12 === 0 ? 12 : hour % 12);

/** moment.js format tokens we support (moment's English names); text in [brackets] is literal. */
const tokens: Record<string, (p: DateParts) => string> = {
  YYYY: (p) => String(p.year),
  YY: (p) => pad(p.year % 100),
  MMMM: (p) => monthNames[p.month - 1]!,
  MMM: (p) => monthNames[p.month - 1]!.slice(0, 3),
  MM: (p) => pad(p.month),
  M: (p) => String(p.month),
  dddd: (p) => dayNames[p.weekday]!,
  ddd: (p) => dayNames[p.weekday]!.slice(0, 3),
  Do: (p) => ordinal(p.day),
  DD: (p) => pad(p.day),
  D: (p) => String(p.day),
  HH: (p) => pad(p.hour),
  H: (p) => String(p.hour),
  hh: (p) => pad(hour12(p.hour)),
  h: (p) => String(hour12(p.hour)),
  mm: (p) => pad(p.minute),
  m: (p) => String(p.minute),
  ss: (p) => pad(p.second),
  s: (p) => String(p.second),
  a: (p) => (p.hour < 12 ? "am" : "pm"),
  A: (p) => (p.hour < 12 ? "AM" : "PM"),
  Z: (p) => {
    const offset = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(p.time / 1000) * 1000) / 60000);
    return `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  },
};
const tokenPattern = new RegExp(`\\[[^\\]]*\\]|${Object.keys(tokens).join("|")}`, "g");

/** moment's default format, what the `date` filter gives without one: "2019-06-14T15:01:00+01:00". */
const momentDefaultFormat = "YYYY-MM-DDTHH:mm:ssZ";

/** MOJ's `date` filter: `moment(timestamp).format(format)`, for the tokens above. */
export function formatDate(timestamp: string, format: string | undefined, timeZone = ukTimeZone): string {
  format ||= momentDefaultFormat;
  const parts = dateParts(new Date(timestamp), timeZone);
  return format.replace(tokenPattern, (token) => (token.startsWith("[") ? token.slice(1, -1) : tokens[token]!(parts)));
}

/** MOJ's `mojDate` filter: "14 June 2019 at 3:01pm", "3pm" on the hour; an unknown type gives the timestamp back. */
export function mojDate(timestamp: string, type: MojDateType | (string & {}), timeZone = ukTimeZone): string {
  const time = () => formatDate(timestamp, dateParts(new Date(timestamp), timeZone).minute > 0 ? "h:mma" : "ha", timeZone);
  switch (type) {
    case "datetime":
      return `${formatDate(timestamp, "D MMMM YYYY", timeZone)} at ${time()}`;
    case "shortdatetime":
      return `${formatDate(timestamp, "D MMM YYYY", timeZone)} at ${time()}`;
    case "date":
      return formatDate(timestamp, "D MMMM YYYY", timeZone);
    case "shortdate":
      return formatDate(timestamp, "D MMM YYYY", timeZone);
    case "time":
      return time();
    default:
      return timestamp;
  }
}
