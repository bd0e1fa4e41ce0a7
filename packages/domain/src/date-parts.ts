import { isRealDate } from "./calendar.ts";

/**
 * GOV.UK's date input (day, month, year) as the agency's forms hold it: the action pages' dates and
 * the return's date fields. `formatDate` in `@complaints/domain` writes dates for reading.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;
export const dateParts: readonly DatePart[] = ["day", "month", "year"];

export const emptyDate: DateParts = { day: "", month: "", year: "" };

/** `2026-10-28` → the three fields of a date input. */
export function isoToParts(isoDate: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? "");
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { ...emptyDate };
}

/** What is wrong with a date input, in the words of the GOV.UK pattern, and the fields to highlight. */
export interface DateProblem {
  message: string;
  parts: DatePart[];
}

/**
 * What is wrong with a date typed in a date input, named as `name` ("The start date", "Date paid"):
 * "… must include a month" (highlighting the missing fields), "… must be a real date" (highlighting
 * the field that cannot be right: a day past the month's end is the day's). Null when the date is
 * real, or when nothing is typed (whether a blank is allowed is the form's question).
 */
export function dateProblem(parts: DateParts, name: string): DateProblem | null {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return null;
  const missing = dateParts.filter((p) => parts[p].trim() === "");
  const words: Record<DatePart, string> = { day: "a day", month: "a month", year: "a year" };
  if (missing.length > 0) return { message: `${capitalise(name)} must include ${missing.map((p) => words[p]).join(" and ")}`, parts: missing };
  const wrong = dateParts.filter((p) => !(p === "year" ? /^\d{4}$/.test(year) : /^\d{1,2}$/.test(parts[p].trim()) && Number(parts[p]) >= 1 && Number(parts[p]) <= (p === "day" ? 31 : 12)));
  if (wrong.length > 0) return { message: `${capitalise(name)} must be a real date`, parts: wrong };
  if (!isRealDate(Number(year), Number(month), Number(day))) return { message: `${capitalise(name)} must be a real date`, parts: ["day"] };
  return null;
}

/**
 * The date a date input holds, as `YYYY-MM-DD`, and what is wrong with it ("Enter the start date",
 * "The start date must include a month", "must be a real date"). A date with a problem is still
 * sent, as typed, so the API's other checks run in the same round and the page shows every problem at once.
 */
export function partsToIso(parts: DateParts, label: string): { iso: string; problem: string | null } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { iso: "", problem: `Enter ${label}` };
  const numeric = /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year);
  const iso = numeric ? `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` : `${year}-${month}-${day}`;
  return { iso, problem: dateProblem(parts, label)?.message ?? null };
}

/**
 * A date input as the text of a return field in the draft (`15/9/2026`, what the cell codec reads,
 * day first): each field trimmed, so the text reads as a date exactly when `dateProblem` finds none.
 * Partly typed, it is kept as typed (`15//2026`), so a half-typed date survives autosave and reload.
 */
export function partsToText(parts: DateParts): string {
  const [day, month, year] = dateParts.map((p) => parts[p].trim());
  return day || month || year ? `${day}/${month}/${year}` : "";
}

/** The date input's fields for a return field's text: as `partsToText` wrote it, a stored ISO date, or other text kept whole in the day. */
export function textToParts(text: string): DateParts {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isoToParts(text);
  if (text === "[x]" || text === "[z]") return { ...emptyDate };
  const split = text.split("/");
  if (split.length === 3) return { day: split[0]!, month: split[1]!, year: split[2]! };
  return { ...emptyDate, day: text };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
