import type { FieldDeclaration, FieldValue } from "../template/declaration.ts";
import { storableTextProblem } from "../storable-text.ts";
import { isoFromDay, parseDate } from "../calendar.ts";
import { neutraliseFormula, startsLikeFormula } from "./formula.ts";

/**
 * Reading and writing one CSV cell of a return field. Money is written in pounds and pence and held
 * in pence; blanks are blank (never zero); `[x]` and `[z]` are markers.
 */
export type CellResult = { ok: true; value: FieldValue } | { ok: false; problem: string };

function fail(problem: string): CellResult {
  return { ok: false, problem };
}

export function readCell(field: FieldDeclaration, raw: string): CellResult {
  const cell = raw.trim();
  if (cell === "") return { ok: true, value: null };
  if (cell === "[x]" || cell === "[z]") return { ok: true, value: cell };
  if (/^\[[a-z]\]$/i.test(cell)) return fail(`${cell} is not a marker this return uses: use [x] for not available or [z] for not applicable`);
  switch (field.type) {
    case "count": {
      const plain = cell.replace(/^(\d{1,3})((,\d{3})+)$/, (_, a: string, b: string) => a + b.replace(/,/g, ""));
      if (/^\d+$/.test(plain)) return { ok: true, value: Number(plain) };
      if (/^-\d+(\.\d+)?$/.test(cell)) return fail(`expected a whole number of 0 or more, but found a negative number (${cell})`);
      if (/^\d*\.\d+$/.test(cell)) return fail(`expected a whole number, but found ${cell}`);
      if (startsLikeFormula(cell)) return fail(`found what looks like a spreadsheet formula (${cell}); enter the number itself`);
      return fail(`expected a whole number, [x] or [z], but found “${cell}”`);
    }
    case "money": {
      const m = /^£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(cell);
      if (m) return { ok: true, value: Number(m[1]!.replace(/,/g, "")) * 100 + Number((m[2] ?? "0").padEnd(2, "0")) };
      if (/^-£?\d/.test(cell) || cell.startsWith("£-")) return fail(`expected an amount of 0 or more, but found a negative amount (${cell})`);
      return fail(`expected an amount in pounds and pence like 1234.50, but found “${cell}”`);
    }
    case "fte": {
      if (/^\d+(\.\d)?$/.test(cell)) return { ok: true, value: Number(cell) };
      if (cell.startsWith("-")) return fail(`expected a number of 0 or more, but found ${cell}`);
      return fail(`expected a number with at most one decimal place, like 4.5, but found “${cell}”`);
    }
    case "date": {
      // Day first as the UK writes it, or ISO; stored as ISO.
      const date = parseDate(cell);
      if ("day" in date) return { ok: true, value: isoFromDay(date.day) };
      if (date.problem === "not-a-date") return fail(`“${cell}” is not a real date`);
      return fail(`expected a date like 15/07/2025 or 2025-07-15, but found “${cell}”`);
    }
    case "choice": {
      const choice = field.choices?.find((c) => c.value === cell || c.label.toLowerCase() === cell.toLowerCase());
      if (choice) return { ok: true, value: choice.value };
      return fail(`expected one of ${field.choices?.map((c) => c.value).join(", ")}, but found “${cell}”`);
    }
    case "text": {
      // Checked as it will be stored (trimmed, apostrophe escape removed), so no leading space or
      // no-break space can carry a formula past the check.
      const escaped = cell.startsWith("'") && startsLikeFormula(cell.slice(1));
      const stored = escaped ? cell.slice(1) : cell;
      if (!escaped && startsLikeFormula(stored)) {
        return fail(`text starting with “${stored[0]}” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text`);
      }
      const problem = storableTextProblem(stored);
      if (problem) return fail(`the text ${problem}`);
      if (field.maxLength !== undefined && stored.length > field.maxLength) return fail(`text is ${stored.length} characters long; the most is ${field.maxLength}`);
      return { ok: true, value: stored };
    }
  }
}

/** The cell text for a stored value; formula-like text gets a leading apostrophe (OWASP). */
export function writeCell(field: FieldDeclaration | undefined, value: FieldValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (field?.type === "money") return `${Math.trunc(value / 100)}.${String(Math.abs(value) % 100).padStart(2, "0")}`;
    return String(value);
  }
  if (value === "[x]" || value === "[z]") return value;
  return neutraliseFormula(value);
}
