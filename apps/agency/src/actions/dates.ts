/** Dates on the action pages: GOV.UK's date input (day, month, year). `formatDate` in `@complaints/domain` writes them for reading. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate: DateParts = { day: "", month: "", year: "" };

/** `2026-10-28` → the three fields of a date input. */
export function isoToParts(isoDate: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? "");
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { ...emptyDate };
}

/**
 * The date a date input holds, as `YYYY-MM-DD`, and what is wrong with it in the words of the GOV.UK
 * date input pattern ("Enter the start date", "The start date must include a month", "must be a real
 * date"). A date with a problem is still sent, as typed, so the API's other checks run in the same
 * round and the page shows every problem at once.
 */
export function partsToIso(parts: DateParts, label: string): { iso: string; problem: string | null } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const raw = `${year}-${month}-${day}`;
  if (!day && !month && !year) return { iso: "", problem: `Enter ${label}` };
  const missing = [!day && "a day", !month && "a month", !year && "a year"].filter(Boolean) as string[];
  if (missing.length > 0) return { iso: raw, problem: `${capitalise(label)} must include ${missing.join(" and ")}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { iso: raw, problem: `${capitalise(label)} must be a real date` };
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { iso, problem: `${capitalise(label)} must be a real date` };
  return { iso, problem: null };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
